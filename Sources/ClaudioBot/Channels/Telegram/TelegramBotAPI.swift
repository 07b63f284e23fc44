import Foundation
import Logging
import Shared

/// The Telegram Bot API over the daemon's libcurl `HTTPClient`: one method per call Claudio makes, Telegram's error
/// envelope mapped to `TelegramAPIError`, and the resend policy for outgoing messages.
///
/// The token is part of every URL, so it is only ever put into an `HTTPRequest`, whose errors the client redacts.
struct TelegramBotAPI: Sendable {
    let http: HTTPClient
    /// `TELEGRAM_API_BASE_URL` without a trailing slash.
    let baseURL: String
    private let token: String
    let deliveryPolicy: TelegramDeliveryPolicy
    /// Paces resends and flood waits.
    let clock: AnyClock
    let floodWait: TelegramFloodWait<AnyClock>
    let logger: Logger

    /// - Parameters:
    ///   - token: `TELEGRAM_BOT_TOKEN`; `http` should have been created redacting it.
    ///   - baseURL: `TELEGRAM_API_BASE_URL`.
    ///   - http: the client every call goes through.
    ///   - deliveryPolicy: how sends are retried.
    ///   - clock: what resends and flood waits wait on.
    init(
        token: String, baseURL: String, http: HTTPClient, deliveryPolicy: TelegramDeliveryPolicy = .standard,
        clock: AnyClock = .continuous, logger: Logger = Logger(label: "claudio.telegram")
    ) {
        self.clock = clock
        floodWait = TelegramFloodWait(clock: clock)
        self.token = token
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.http = http
        self.deliveryPolicy = deliveryPolicy
        self.logger = logger
    }

    /// Calls `method` once and decodes its `result`.
    /// - Parameters:
    ///   - parameters: sent as a JSON body.
    ///   - timeout: the whole exchange; a long poll passes its poll timeout plus a margin.
    func call<Result: Decodable & Sendable>(
        _ method: String, _ parameters: [String: TelegramJSONValue] = [:], as type: Result.Type,
        timeout: Duration = .seconds(30)
    ) async throws(TelegramAPIError) -> Result {
        let body: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            body = try encoder.encode(TelegramJSONValue.object(parameters))
        } catch {
            throw .malformedResponse(status: 0, detail: "could not encode the parameters of \(method): \(error)")
        }
        return try await send(method, body: .json(body), as: type, timeout: timeout)
    }

    /// Calls `method` once with a `multipart/form-data` body (a file upload) and decodes its `result`.
    func callMultipart<Result: Decodable & Sendable>(
        _ method: String, _ parts: [MultipartPart], as type: Result.Type, timeout: Duration = .seconds(120)
    ) async throws(TelegramAPIError) -> Result {
        try await send(method, body: .multipart(parts), as: type, timeout: timeout)
    }

    private func send<Result: Decodable & Sendable>(
        _ method: String, body: HTTPRequestBody, as type: Result.Type, timeout: Duration
    ) async throws(TelegramAPIError) -> Result {
        let request = HTTPRequest(method: .post, url: "\(baseURL)/bot\(token)/\(method)", body: body, totalTimeout: timeout)
        return try Self.interpret(try await perform(request), as: type)
    }

    /// Sends `request` once, its failure as a `TelegramAPIError`.
    private func perform(_ request: HTTPRequest) async throws(TelegramAPIError) -> HTTPResponse {
        do {
            return try await http.send(request)
        } catch let error as HTTPClientError {
            if case .cancelled = error { throw .cancelled }
            throw .transport(error)
        } catch {
            throw .cancelled
        }
    }

    /// The bytes of a file `getFile` answered `path` for: `<base>/file/bot<token>/<path>`, the token in the URL like
    /// every call's.
    /// - Parameter limit: the most bytes accepted; a larger file fails with `HTTPClientError.responseTooLarge`.
    func downloadFile(path: String, limit: Int, timeout: Duration = .seconds(300)) async throws(TelegramAPIError)
        -> Data
    {
        let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        let request = HTTPRequest(
            method: .get, url: "\(baseURL)/file/bot\(token)/\(escaped)", totalTimeout: timeout, maxResponseBytes: limit)
        let response = try await perform(request)
        guard response.isSuccess else {
            throw .from(status: response.statusCode, description: "HTTP \(response.statusCode)", retryAfter: nil)
        }
        return response.body
    }

    /// The `result` of an answer, or the error it reports.
    static func interpret<Result: Decodable>(_ response: HTTPResponse, as type: Result.Type) throws(TelegramAPIError)
        -> Result
    {
        let envelope: TelegramEnvelope<Result>
        do {
            envelope = try JSONDecoder().decode(TelegramEnvelope<Result>.self, from: response.body)
        } catch {
            if response.isSuccess {
                throw .malformedResponse(status: response.statusCode, detail: bodyExcerpt(response.body))
            }
            let retryAfter = response.headers["Retry-After"].flatMap { Int($0) }
            throw .from(status: response.statusCode, description: "HTTP \(response.statusCode)", retryAfter: retryAfter)
        }
        if envelope.ok, let result = envelope.result { return result }
        throw .from(
            status: envelope.errorCode ?? response.statusCode,
            description: envelope.description ?? "HTTP \(response.statusCode)",
            retryAfter: envelope.parameters?.retryAfter)
    }

    private static func bodyExcerpt(_ body: Data) -> String {
        let text = TextSanitizer.excerpt(String(decoding: body.prefix(200), as: UTF8.self), limit: 80)
        return text.isEmpty ? "empty body" : "\"\(text)\""
    }

    // MARK: Delivery

    /// Calls `method` until it succeeds, waiting out 429s and resending after transient failures within the
    /// `deliveryPolicy`; other errors are thrown at once.
    func deliver<Result: Decodable & Sendable>(
        _ method: String, _ parameters: [String: TelegramJSONValue], as type: Result.Type
    ) async throws(TelegramAPIError) -> Result {
        let chat = parameters["chat_id"]?.chatKey ?? TelegramFloodWait<AnyClock>.botKey
        return try await deliver(method, chat: chat) { () async throws(TelegramAPIError) -> Result in
            try await call(method, parameters, as: type)
        }
    }

    /// Runs `attempt` (one call of `method` concerning `chat`) until it succeeds, as above.
    func deliver<Result: Sendable>(
        _ method: String, chat: String, attempt: () async throws(TelegramAPIError) -> Result
    ) async throws(TelegramAPIError) -> Result {
        var backoff = deliveryPolicy.backoff
        var transientFailures = 0
        var rateLimitWaits = 0
        while true {
            do {
                try await floodWait.waitUntilOpen(chat)
            } catch {
                throw .cancelled
            }
            do {
                return try await attempt()
            } catch .tooManyRequests(let retryAfter, let description)
                where rateLimitWaits < deliveryPolicy.maxRateLimitWaits
            {
                rateLimitWaits += 1
                logger.notice("\(method): \(description); waiting \(retryAfter) s before resending")
                await floodWait.block(chat, for: retryAfter)
            } catch let error where error.isTransient && transientFailures < deliveryPolicy.maxTransientRetries {
                transientFailures += 1
                let delay = backoff.nextDelay()
                logger.notice("\(method) failed (\(error)); resending in \(delay)")
                try await pause(for: delay)
            }
        }
    }

    /// Sleeps, turning cancellation into `TelegramAPIError.cancelled`.
    func pause(for delay: Duration) async throws(TelegramAPIError) {
        do {
            try await clock.sleep(for: delay)
        } catch {
            throw .cancelled
        }
    }
}
