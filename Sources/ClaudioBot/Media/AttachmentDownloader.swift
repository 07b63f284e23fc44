import Foundation

/// Fetches a chat attachment from its platform: the seam between the media stage and a channel's API (Telegram's
/// `getFile` and file URL, Slack's `url_private_download`). Each channel hands the router its own.
package protocol AttachmentDownloader: Sendable {
    /// The file's bytes.
    /// - Parameter limit: the most bytes accepted; a larger file throws `AttachmentDownloadError.tooLarge`.
    func download(_ attachment: ChatAttachment, limit: Int) async throws(AttachmentDownloadError) -> Data
}
