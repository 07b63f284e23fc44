import Shared

/// Why a Bot API call did not succeed, sorted by what the caller does about it.
///
/// Every text here comes from Telegram's `description` or from an already redacted `HTTPClientError`, so no case
/// carries the bot token.
enum TelegramAPIError: Error, Sendable, Equatable {
    /// 401: the token was revoked or never valid.
    case unauthorized(description: String)
    /// 404: the token is malformed (or `TELEGRAM_API_BASE_URL` points elsewhere), or the method does not exist.
    case notFound(description: String)
    /// 409: a webhook is set, or another process is polling with this token.
    case conflict(description: String)
    /// 429: the whole bot must wait `retryAfter` seconds.
    case tooManyRequests(retryAfter: Int, description: String)
    /// 400: the request itself is wrong (bad HTML, message not modified, chat not found…).
    case badRequest(description: String)
    /// 403: the user blocked the bot, or the bot was removed from the group.
    case forbidden(description: String)
    /// 5xx: Telegram (or a proxy in front of it) failed.
    case server(status: Int, description: String)
    /// Any other error code.
    case unexpected(status: Int, description: String)
    /// No answer: the connection failed, timed out or was dropped.
    case transport(HTTPClientError)
    /// An answer that is not the JSON the Bot API sends.
    case malformedResponse(status: Int, detail: String)
    /// The calling task was cancelled (shutdown).
    case cancelled

    /// Failures worth trying again after a pause: Telegram or the network had a bad moment.
    var isTransient: Bool {
        switch self {
        case .server, .malformedResponse:
            true
        case .transport(let error):
            switch error {
            case .couldNotConnect, .timedOut, .transferFailed: true
            case .invalidRequest, .responseTooLarge, .cancelled, .clientShutDown: false
            }
        case .unauthorized, .notFound, .conflict, .tooManyRequests, .badRequest, .forbidden, .unexpected, .cancelled:
            false
        }
    }

    /// Editing a message to the text it already has; Claudio treats it as success.
    var isMessageNotModified: Bool {
        if case .badRequest(let description) = self {
            return description.localizedCaseInsensitiveContains("message is not modified")
        }
        return false
    }

    /// Telegram could not parse the HTML of a formatted message.
    var isEntityParseFailure: Bool {
        if case .badRequest(let description) = self {
            return description.localizedCaseInsensitiveContains("can't parse entities")
        }
        return false
    }

    /// Maps an error answer (`ok: false`, or a non-JSON body with an error status) to its case.
    static func from(status: Int, description: String, retryAfter: Int?) -> TelegramAPIError {
        switch status {
        case 400: .badRequest(description: description)
        case 401: .unauthorized(description: description)
        case 403: .forbidden(description: description)
        case 404: .notFound(description: description)
        case 409: .conflict(description: description)
        case 429: .tooManyRequests(retryAfter: max(retryAfter ?? 1, 0), description: description)
        case 500...599: .server(status: status, description: description)
        default: .unexpected(status: status, description: description)
        }
    }
}

extension TelegramAPIError: CustomStringConvertible {
    var description: String {
        switch self {
        case .unauthorized(let description): "401 \(description)"
        case .notFound(let description): "404 \(description)"
        case .conflict(let description): "409 \(description)"
        case .tooManyRequests(let retryAfter, let description): "429 \(description) (retry after \(retryAfter) s)"
        case .badRequest(let description): "400 \(description)"
        case .forbidden(let description): "403 \(description)"
        case .server(let status, let description), .unexpected(let status, let description): "\(status) \(description)"
        case .transport(let error): error.description
        case .malformedResponse(let status, let detail): "unreadable answer (HTTP \(status)): \(detail)"
        case .cancelled: "cancelled"
        }
    }
}
