import Shared

/// Why a Slack Web API call failed. Texts never hold a token: URLs come from the redacting `HTTPClient`, and a
/// `response_url` (itself a short-lived credential) is never quoted.
enum SlackAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Slack answered `ok: false` with this `error` code.
    case rejected(method: String, error: String)
    /// HTTP 429: wait `retryAfter`, then send the same request again.
    case rateLimited(method: String, retryAfter: Duration)
    /// An HTTP status other than 2xx and 429.
    case httpStatus(method: String, status: Int)
    /// No answer: connection refused, timeout, dropped connection.
    case transport(method: String, message: String)
    /// A 2xx answer that is not the JSON Slack sends.
    case malformedResponse(method: String)

    /// The `error` codes that mean the token is wrong, revoked or belongs to a deactivated account.
    static let credentialErrors: Set<String> = ["invalid_auth", "not_authed", "account_inactive", "token_revoked"]

    /// `ok: false` codes that say Slack itself had trouble; anything else is an answer about the request and sending
    /// it again would fail the same way.
    static let transientErrors: Set<String> = [
        "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited",
    ]

    var isCredentialsProblem: Bool {
        if case .rejected(_, let error) = self { return Self.credentialErrors.contains(error) }
        return false
    }

    /// Whether the same request may succeed if sent again after a pause.
    var isTransient: Bool {
        switch self {
        case .rejected(_, let error): Self.transientErrors.contains(error)
        case .rateLimited, .transport: true
        case .httpStatus(_, let status): status >= 500 || status == 408
        case .malformedResponse: false
        }
    }

    var description: String {
        switch self {
        case .rejected(let method, let error): "Slack \(method) failed: \(error)"
        case .rateLimited(let method, let retryAfter): "Slack \(method) rate limited (retry after \(retryAfter))"
        case .httpStatus(let method, let status): "Slack \(method) answered HTTP \(status)"
        case .transport(let method, let message): "Slack \(method) unreachable: \(message)"
        case .malformedResponse(let method): "Slack \(method) sent an answer that is not Slack JSON"
        }
    }
}
