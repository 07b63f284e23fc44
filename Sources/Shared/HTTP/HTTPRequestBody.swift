import Foundation

/// What an ``HTTPRequest`` sends after its headers.
public enum HTTPRequestBody: Sendable, Equatable {
    /// No body.
    case none
    /// Raw bytes, sent with the given `Content-Type` unless the request sets its own.
    case bytes(Data, contentType: String)
    /// `application/x-www-form-urlencoded` fields, sent in key order so the body is reproducible.
    case form([String: String])
    /// `multipart/form-data` parts, built with libcurl's MIME API.
    case multipart([MultipartPart])

    /// A JSON document.
    public static func json(_ data: Data) -> HTTPRequestBody {
        .bytes(data, contentType: "application/json")
    }

    /// The `application/x-www-form-urlencoded` encoding of `fields`: every byte outside the
    /// unreserved set (`A–Z a–z 0–9 - . _ ~`) is percent-encoded.
    static func formEncoded(_ fields: [String: String]) -> String {
        fields.keys.sorted().map { key in
            percentEncoded(key) + "=" + percentEncoded(fields[key] ?? "")
        }.joined(separator: "&")
    }

    private static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
