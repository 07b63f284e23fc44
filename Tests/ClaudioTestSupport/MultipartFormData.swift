import Foundation

/// A `multipart/form-data` body as the fake servers receive it (Telegram's `sendDocument`, an upload): just enough of
/// RFC 7578 to read what Claudio's libcurl client sends.
package struct MultipartFormData: Sendable {
    package struct Part: Sendable, Equatable {
        package var name: String
        package var filename: String?
        package var contentType: String?
        package var data: Data

        /// The content as UTF-8 text.
        package var text: String { String(decoding: data, as: UTF8.self) }
    }

    package var parts: [Part]

    /// Reads `body`; nil when `contentType` is not multipart or names no boundary.
    package init?(body: Data, contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundaryRange = contentType.range(of: "boundary=")
        else { return nil }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Part] = []
        var cursor = body.startIndex
        while let start = body.range(of: delimiter, in: cursor..<body.endIndex) {
            let afterDelimiter = start.upperBound
            guard let next = body.range(of: delimiter, in: afterDelimiter..<body.endIndex) else { break }
            var section = body[afterDelimiter..<next.lowerBound]
            // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
            if section.starts(with: Data("\r\n".utf8)) { section = section.dropFirst(2) }
            if section.count >= 2, section.suffix(2) == Data("\r\n".utf8) { section = section.dropLast(2) }
            if let part = Self.part(from: Data(section)) { parts.append(part) }
            cursor = next.lowerBound
        }
        self.parts = parts
    }

    package subscript(name: String) -> Part? {
        parts.first { $0.name == name }
    }

    private static func part(from section: Data) -> Part? {
        guard let split = section.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let headerText = String(decoding: section[..<split.lowerBound], as: UTF8.self)
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headerText.components(separatedBy: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                name = value(of: "name", in: line)
                filename = value(of: "filename", in: line)
            } else if lower.hasPrefix("content-type:") {
                contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let name else { return nil }
        return Part(name: name, filename: filename, contentType: contentType, data: Data(section[split.upperBound...]))
    }

    /// `key="value"` in a header line (the ` key=` boundary keeps `name` from matching inside `filename`).
    private static func value(of key: String, in line: String) -> String? {
        for separator in ["; \(key)=\"", ";\(key)=\""] {
            guard let range = line.range(of: separator) else { continue }
            let rest = line[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
        return nil
    }
}
