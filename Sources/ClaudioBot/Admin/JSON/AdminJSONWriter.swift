import Foundation
import Glibc

/// Writes JSON bytes exactly as the admin API's `JSONEncoder` (`AdminJSON.encoder`) would, for the rows a snapshot
/// carries by the hundred (`SnapshotJSON`): the encoder's generic containers cost about 5 µs a row, which made it the
/// largest part of answering the console's poll.
///
/// The caller writes each object's keys in sorted order, as the encoder's `.sortedKeys` does; numbers, strings and
/// dates are written as the encoder writes them (tests compare the two byte for byte).
struct AdminJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Bytes that are already JSON (a value the encoder wrote).
    mutating func raw(_ json: some Sequence<UInt8>) {
        bytes.append(contentsOf: json)
    }

    mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"key":` — `key` is one of the API's own snake_case names, which need no escaping.
    mutating func key(_ key: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        ascii(key)
        ascii("\":")
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): ascii("\\\"")
            case UInt8(ascii: "\\"): ascii("\\\\")
            case 0x08: ascii("\\b")
            case 0x09: ascii("\\t")
            case 0x0A: ascii("\\n")
            case 0x0C: ascii("\\f")
            case 0x0D: ascii("\\r")
            case 0..<0x20:
                ascii("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { ascii("null") }
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { ascii("null") }
    }

    mutating func bool(_ value: Bool) {
        if value { ascii("true") } else { ascii("false") }
    }

    /// As the encoder writes a `Double`: its shortest round-trip form, without a trailing `.0`.
    /// - Throws: `EncodingError.invalidValue` for infinities and NaN, which JSON cannot carry (as the encoder does).
    mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not valid in JSON"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func double(_ value: Double?) throws {
        if let value { try double(value) } else { ascii("null") }
    }

    /// As the encoder's `.iso8601` strategy writes a date: UTC, whole seconds (rounded down), `Z`.
    mutating func date(_ value: Date) {
        var seconds = time_t(value.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        bytes.append(UInt8(ascii: "\""))
        digits(Int(parts.tm_year) + 1900, width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), width: 2)
        bytes.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), width: 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), width: 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), width: 2)
        ascii("Z\"")
    }

    /// `value` in decimal, zero-padded to `width` digits (years outside 0...9999 are not the admin API's).
    private mutating func digits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
