import Foundation

/// File sizes as people read them, in decimal units like the limits they are compared with (`MAX_UPLOAD_BYTES` is
/// 20000000, "20 MB").
enum ByteCountText {
    /// "512 bytes", "12.3 KB", "1.5 MB", "2 GB".
    static func format(_ bytes: Int) -> String {
        let units: [(String, Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)]
        for (unit, size) in units where Double(bytes) >= size {
            return "\(decimal(Double(bytes) / size)) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// `bytes` in megabytes: "25.3", "20", and more digits where one decimal would read 0 ("0.0005").
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1e6
        guard value > 0, value < 0.05 else { return decimal(value) }
        return String(format: "%.2g", value)
    }

    /// One decimal, without a trailing ".0".
    private static func decimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
