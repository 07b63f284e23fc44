import Foundation

/// Fetches a Telegram voice note, audio file, document or photo (SPEC §15): `getFile` for its path, then the file URL.
struct TelegramFileDownloader: AttachmentDownloader {
    let api: TelegramBotAPI

    func download(_ attachment: ChatAttachment, limit: Int) async throws(AttachmentDownloadError) -> Data {
        let file: TelegramFile
        do {
            file = try await api.getFile(fileID: attachment.reference)
        } catch .cancelled {
            throw .cancelled
        } catch .badRequest(let description) where description.localizedCaseInsensitiveContains("too big") {
            throw .tooLarge(size: attachment.size)
        } catch {
            throw .failed("Telegram did not hand it over (getFile: \(error))")
        }
        if let size = file.fileSize, size > limit { throw .tooLarge(size: size) }
        guard let path = file.filePath else { throw .failed("Telegram gave no download path for it") }
        do {
            return try await api.downloadFile(path: path, limit: limit)
        } catch .cancelled {
            throw .cancelled
        } catch .transport(.responseTooLarge) {
            throw .tooLarge(size: nil)
        } catch {
            throw .failed("the download from Telegram failed (\(error))")
        }
    }
}
