import Foundation

/// CPU and memory as top and htop show them, narrow enough for a table column.
public enum UsageText {
    /// "0.0", "12.5", "250.0" (several busy threads), "1234" past four digits; "-" when unknown (a process seen
    /// once, a queued job). At most five columns.
    public static func cpu(_ percent: Double?) -> String {
        guard let percent, percent.isFinite else { return "-" }
        let value = max(0, percent)
        return value < 999.95 ? String(format: "%.1f", value) : String(Int(value.rounded()))
    }

    /// Resident memory in binary units: "812K", "45.3M", "312M", "1.2G"; "-" when unknown. At most five columns.
    public static func memory(bytes: Int?) -> String {
        guard let bytes else { return "-" }
        var value = Double(max(0, bytes)) / 1024
        for unit in ["K", "M", "G", "T"] {
            if value < 1000 || unit == "T" {
                if unit == "K" || value >= 100 { return String(Int(value.rounded())) + unit }
                return String(format: "%.1f", value) + unit
            }
            value /= 1024
        }
        return "-"
    }
}
