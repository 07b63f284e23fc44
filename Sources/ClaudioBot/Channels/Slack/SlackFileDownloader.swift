import Foundation
import Shared

/// Fetches a file shared with Claudio on Slack (SPEC §15): its `url_private_download` with the bot token, which needs
/// the `files:read` scope.
///
/// The token goes only to Slack's file host (or the host of `SLACK_API_BASE_URL`, for a test server): the URL comes
/// from an event, and a token must never follow a link to a host nobody chose.
struct SlackFileDownloader: AttachmentDownloader {
    static let fileHost = "files.slack.com"

    let http: HTTPClient
    let botToken: String
    /// The hosts the bot token may be sent to.
    let trustedHosts: Set<String>
    var timeout: Duration = .seconds(300)

    init(api: SlackWebAPI) {
        http = api.http
        botToken = api.botToken
        trustedHosts = Set([Self.fileHost, URLComponents(string: api.baseURL)?.host?.lowercased()].compactMap { $0 })
    }

    func download(_ attachment: ChatAttachment, limit: Int) async throws(AttachmentDownloadError) -> Data {
        guard !attachment.reference.isEmpty, let url = URLComponents(string: attachment.reference),
            let host = url.host?.lowercased()
        else {
            throw .failed("Slack sent no download link for it (the Slack app needs the files:read scope)")
        }
        guard trustedHosts.contains(host), url.scheme == "https" || url.scheme == "http" else {
            throw .failed("its download link points to \(host), which is not Slack's file host")
        }
        let request = HTTPRequest(
            method: .get, url: attachment.reference, headers: ["Authorization": "Bearer \(botToken)"],
            totalTimeout: timeout, maxResponseBytes: limit)
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPClientError {
            switch error {
            case .cancelled, .clientShutDown: throw .cancelled
            case .responseTooLarge: throw .tooLarge(size: nil)
            default: throw .failed("the download from Slack failed (\(error))")
            }
        } catch {
            throw .cancelled
        }
        // Without the scope (or with a token Slack does not accept for the file) Slack answers with its sign-in page.
        let isPage = response.headers["Content-Type"]?.lowercased().hasPrefix("text/html") ?? false
        if (300..<400).contains(response.statusCode) || (isPage && attachment.mimeType?.lowercased() != "text/html") {
            throw .failed("Slack answered with its sign-in page instead of the file (the Slack app needs the files:read scope)")
        }
        guard response.isSuccess else { throw .failed("Slack answered HTTP \(response.statusCode) for it") }
        return response.body
    }
}
