/// The end of a process's stderr, kept for error messages: only the last `capacity` bytes are held,
/// however much the process writes.
struct StderrTail: Sendable {
    static let defaultCapacity = 4 * 1024

    /// Bytes kept; older ones are forgotten.
    let capacity: Int
    /// Every byte appended, kept or not.
    private(set) var totalByteCount = 0
    /// Holds up to twice `capacity` so that trimming happens once per `capacity` bytes, not per chunk.
    private var buffer: [UInt8] = []

    init(capacity: Int = Self.defaultCapacity) {
        precondition(capacity > 0, "a stderr tail needs room for at least one byte")
        self.capacity = capacity
    }

    /// The last `capacity` bytes written (fewer if less was written).
    var bytes: [UInt8] { Array(buffer.suffix(capacity)) }

    mutating func append(_ chunk: [UInt8]) {
        totalByteCount += chunk.count
        if chunk.count >= capacity {
            buffer = Array(chunk.suffix(capacity))
            return
        }
        buffer.append(contentsOf: chunk)
        if buffer.count > 2 * capacity { buffer.removeFirst(buffer.count - capacity) }
    }

    /// A short, sanitized tail for a chat message: the last `maxLines` non-blank lines, at most
    /// `maxCharacters` characters, starting with "…" when earlier output was left out. Empty when
    /// nothing but blanks was written.
    func rendered(maxLines: Int = 5, maxCharacters: Int = 500) -> String {
        var kept = bytes[...]
        let cutAtFront = totalByteCount > kept.count
        if cutAtFront {
            // The cut may have split a UTF-8 sequence; its continuation bytes would decode as U+FFFD.
            while let first = kept.first, first & 0xC0 == 0x80 { kept = kept.dropFirst() }
        }
        let text = TextSanitizer.clean(String(decoding: kept, as: UTF8.self))
        let nonBlank = text.split(separator: "\n").filter { $0.contains { !$0.isWhitespace } }
        guard !nonBlank.isEmpty else { return "" }
        let shown = nonBlank.suffix(maxLines)
        var tail = shown.joined(separator: "\n")
        var truncated = cutAtFront || shown.count < nonBlank.count
        if tail.count + (truncated ? 1 : 0) > maxCharacters {
            tail = String(tail.suffix(max(maxCharacters - 1, 0)))
            truncated = true
        }
        return truncated ? "…" + tail : tail
    }
}
