/// Why an attachment could not be fetched. Descriptions are shown to the sender, so they never hold a token (the HTTP
/// client has redacted every URL) and say what went wrong in words the sender can act on.
package enum AttachmentDownloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Larger than the limit; its size when known.
    case tooLarge(size: Int?)
    /// The platform would not hand the file over; why.
    case failed(String)
    /// The task was cancelled (shutdown).
    case cancelled

    package var description: String {
        switch self {
        case .tooLarge(let size?): "the file is too large (\(ByteCountText.format(size)))"
        case .tooLarge(nil): "the file is too large"
        case .failed(let reason): reason
        case .cancelled: "Claudio is shutting down"
        }
    }
}
