import Foundation

/// One part of a `multipart/form-data` body, e.g. a file sent with Telegram's `sendDocument`
/// or a plain field beside it.
public struct MultipartPart: Sendable, Equatable {
    /// The form field name.
    public var name: String
    /// The part's content.
    public var data: Data
    /// Sent as the `filename` of the part; file uploads need one.
    public var filename: String?
    /// The part's `Content-Type`; libcurl picks one from the filename when absent.
    public var contentType: String?

    public init(name: String, data: Data, filename: String? = nil, contentType: String? = nil) {
        self.name = name
        self.data = data
        self.filename = filename
        self.contentType = contentType
    }

    /// A plain text field.
    public static func text(name: String, value: String) -> MultipartPart {
        MultipartPart(name: name, data: Data(value.utf8))
    }

    /// A file upload.
    public static func file(name: String, filename: String, contentType: String? = nil, data: Data) -> MultipartPart {
        MultipartPart(name: name, data: data, filename: filename, contentType: contentType)
    }
}
