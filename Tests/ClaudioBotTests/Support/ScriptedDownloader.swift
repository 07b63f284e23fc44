import Foundation

@testable import ClaudioBot

/// An `AttachmentDownloader` serving each attachment's reference as its bytes, recording every download; `before`
/// runs at the start of each, so a test can look at what was stored by then.
actor ScriptedDownloader: AttachmentDownloader {
    private(set) var downloads: [ChatAttachment] = []
    private let failure: AttachmentDownloadError?
    private let before: @Sendable () async -> Void

    init(failing failure: AttachmentDownloadError? = nil, before: @escaping @Sendable () async -> Void = {}) {
        self.failure = failure
        self.before = before
    }

    func download(_ attachment: ChatAttachment, limit: Int) async throws(AttachmentDownloadError) -> Data {
        downloads.append(attachment)
        await before()
        if let failure { throw failure }
        let data = Data(attachment.reference.utf8)
        guard data.count <= limit else { throw .tooLarge(size: data.count) }
        return data
    }
}
