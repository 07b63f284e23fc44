import Foundation
import Logging
import Shared

/// The Slack Web API methods Claudio calls, over the daemon's libcurl `HTTPClient`.
///
/// Every call honours HTTP 429 by waiting `Retry-After` and sending the same request again, so no reply is lost to
/// rate limiting. `ok: false` with a credentials error (`invalid_auth`, `not_authed`, `account_inactive`,
/// `token_revoked`) throws `ChannelError.credentialsRejected`. Sends (`chat.*`, `response_url`) also retry network
/// failures, 5xx answers and Slack's own internal errors with bounded backoff; other errors are thrown at once,
/// since the same request would fail the same way.
struct SlackWebAPI: Sendable {
    let http: HTTPClient
    /// `SLACK_API_BASE_URL`, e.g. `https://slack.com/api`.
    let baseURL: String
    let botToken: String
    let appToken: String
    /// Delays between attempts of a send that failed for a transient reason.
    var retryBackoff = RetryBackoff()
    /// Attempts per send when Slack or the network fails; 429 answers are waited out and do not count.
    var maxSendAttempts = 5
    /// How many 429 answers in a row one call waits out before giving up.
    var maxRateLimitWaits = 20
    /// A longer `Retry-After` is shortened to this, so one call cannot stall a job for an hour.
    var maxRetryAfter: Duration = .seconds(120)
    /// What waits and resends sleep on.
    var clock: AnyClock = .continuous
    private let logger = Logger(label: "claudio.slack.api")

    init(http: HTTPClient, baseURL: String, botToken: String, appToken: String) {
        self.http = http
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.botToken = botToken
        self.appToken = appToken
    }

    init(settings: Settings, http: HTTPClient) {
        self.init(
            http: http, baseURL: settings.slackAPIBaseURL, botToken: settings.slackBotToken ?? "",
            appToken: settings.slackAppToken ?? "")
    }

    // MARK: Connection

    /// `auth.test` with the bot token: checks it and learns the bot's own IDs.
    func authTest() async throws -> SlackIdentity {
        let response = try await call("auth.test", token: botToken, body: .form([:]), attempts: 1)
        guard let userID = response.userID else { throw SlackAPIError.malformedResponse(method: "auth.test") }
        return SlackIdentity(userID: userID, botID: response.botID, team: response.team, teamID: response.teamID)
    }

    /// `apps.connections.open` with the app token: a fresh Socket Mode WebSocket URL (each is good for one
    /// connection).
    func openConnection() async throws -> String {
        let response = try await call("apps.connections.open", token: appToken, body: .form([:]), attempts: 1)
        guard let url = response.url else { throw SlackAPIError.malformedResponse(method: "apps.connections.open") }
        return url
    }

    // MARK: Messages

    /// `chat.postMessage`; returns the new message's `ts`.
    func postMessage(_ payload: SlackMessagePayload) async throws -> String {
        let response = try await call(
            "chat.postMessage", token: botToken, body: try json(payload), attempts: maxSendAttempts)
        guard let ts = response.ts else { throw SlackAPIError.malformedResponse(method: "chat.postMessage") }
        return ts
    }

    /// `chat.update`: replaces the text of the message `payload.ts` in `payload.channel`.
    func updateMessage(_ payload: SlackMessagePayload) async throws {
        _ = try await call("chat.update", token: botToken, body: try json(payload), attempts: maxSendAttempts)
    }

    /// `chat.postEphemeral`: a message only `payload.user` sees (a refused button press). Tried once.
    func postEphemeral(_ payload: SlackMessagePayload) async throws {
        _ = try await call("chat.postEphemeral", token: botToken, body: try json(payload), attempts: 1)
    }

    /// Posts to a slash command's `response_url`, which needs no token: the URL itself is the credential, so it is
    /// kept out of every error and log line.
    func respond(to responseURL: String, _ payload: SlackMessagePayload) async throws {
        _ = try await call(
            "response_url", token: nil, url: responseURL, body: try json(payload), attempts: maxSendAttempts)
    }

    // MARK: Files

    /// Shares a file in a channel, in a thread when `threadTS` is set: `files.getUploadURLExternal`, the bytes to
    /// the URL it answers, then `files.completeUploadExternal` (Slack's upload flow since `files.upload` retired).
    func uploadFile(_ file: OutgoingFile, channel: String, threadTS: String?) async throws {
        let ticket = try await call(
            "files.getUploadURLExternal", token: botToken,
            body: .form(["filename": file.name, "length": String(file.data.count)]), attempts: maxSendAttempts)
        guard let uploadURL = ticket.uploadURL, let fileID = ticket.fileID else {
            throw SlackAPIError.malformedResponse(method: "files.getUploadURLExternal")
        }
        // The upload URL is itself the credential, like a response_url: no token, and kept out of errors.
        _ = try await call(
            "file upload", token: nil, url: uploadURL,
            body: .multipart([.file(name: "file", filename: file.name, data: file.data)]), attempts: maxSendAttempts)
        var completion: [String: Any] = ["files": [["id": fileID, "title": file.name]], "channel_id": channel]
        if let threadTS { completion["thread_ts"] = threadTS }
        if let caption = file.caption { completion["initial_comment"] = caption }
        let body = try JSONSerialization.data(withJSONObject: completion, options: [.sortedKeys])
        _ = try await call(
            "files.completeUploadExternal", token: botToken,
            body: .bytes(body, contentType: "application/json; charset=utf-8"), attempts: maxSendAttempts)
    }

    // MARK: Calls

    private func call(
        _ method: String, token: String?, url: String? = nil, body: HTTPRequestBody, attempts: Int
    ) async throws -> SlackAPIResponse {
        var backoff = retryBackoff
        var failures = 0
        var rateLimitWaits = 0
        while true {
            do {
                return try await callOnce(method, token: token, url: url ?? "\(baseURL)/\(method)", body: body)
            } catch let error as SlackAPIError {
                if error.isCredentialsProblem, case .rejected(_, let code) = error {
                    throw ChannelError.credentialsRejected(platform: .slack, detail: "\(method): \(code)")
                }
                if case .rateLimited(_, let retryAfter) = error, rateLimitWaits < maxRateLimitWaits {
                    rateLimitWaits += 1
                    let wait = min(retryAfter, maxRetryAfter)
                    logger.notice("Slack \(method) rate limited; sending again in \(wait)")
                    try await clock.sleep(for: wait)
                    continue
                }
                failures += 1
                guard error.isTransient, failures < attempts else { throw error }
                let delay = backoff.nextDelay()
                logger.warning("\(error); attempt \(failures + 1) of \(attempts) in \(delay)")
                try await clock.sleep(for: delay)
            }
        }
    }

    private func callOnce(_ method: String, token: String?, url: String, body: HTTPRequestBody) async throws
        -> SlackAPIResponse
    {
        var headers = HTTPHeaders()
        if let token { headers["Authorization"] = "Bearer \(token)" }
        let request = HTTPRequest(method: .post, url: url, headers: headers, body: body, totalTimeout: .seconds(30))
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPClientError {
            if case .cancelled = error { throw CancellationError() }
            // The client already removed the tokens; a response_url is removed here.
            let message = token == nil ? Redactor(secrets: [url]).redact(error.description) : error.description
            throw SlackAPIError.transport(method: method, message: message)
        }
        if response.statusCode == 429 {
            let seconds = response.headers["Retry-After"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            throw SlackAPIError.rateLimited(method: method, retryAfter: .seconds(max(1, seconds ?? 1)))
        }
        guard response.isSuccess else { throw SlackAPIError.httpStatus(method: method, status: response.statusCode) }
        guard let decoded = try? JSONDecoder().decode(SlackAPIResponse.self, from: response.body) else {
            // A response_url answers a bare "ok" rather than JSON.
            if token == nil { return SlackAPIResponse(ok: true) }
            throw SlackAPIError.malformedResponse(method: method)
        }
        guard decoded.ok else { throw SlackAPIError.rejected(method: method, error: decoded.error ?? "unknown_error") }
        return decoded
    }

    private func json(_ payload: SlackMessagePayload) throws -> HTTPRequestBody {
        .bytes(try JSONEncoder().encode(payload), contentType: "application/json; charset=utf-8")
    }
}
