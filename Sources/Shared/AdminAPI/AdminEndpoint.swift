import Foundation

/// The requests of the admin API (SPEC §6), with their method and path.
public enum AdminEndpoint: Sendable, Hashable {
    case status
    case jobs
    /// `GET /v1/jobs/{id}`: one job with its prompt, process tree and activity.
    case job(id: String)
    case kill(jobID: String)
    case rateLimits
    /// `limit` nil lets the daemon apply its default (``DeniedResponse/defaultLimit``).
    case denied(limit: Int?)
    case reload
    case snapshot
    /// `GET /v1/approvals`.
    case approvals
    /// `POST /v1/approvals/{id}` with the operator's decision.
    case decide(approvalID: String, OperatorDecision)
    /// `GET /v1/approvals/history`; `limit` nil lets the daemon apply its default.
    case approvalHistory(limit: Int?)

    /// `limit` nil lets the daemon apply its default (``HistoryResponse/defaultLimit``).
    case history(limit: Int?)
    /// `GET /metrics`: Prometheus text, not JSON.
    case metrics

    public var method: HTTPMethod {
        switch self {
        case .kill, .reload, .decide: .post
        case .status, .jobs, .job, .rateLimits, .denied, .snapshot, .approvals, .approvalHistory, .history, .metrics: .get
        }
    }

    /// The JSON body sent with the request, if any.
    public var body: Data? {
        switch self {
        case .decide(_, let decision): try? AdminJSON.encoder.encode(decision)
        default: nil
        }
    }

    /// The path and query, e.g. `/v1/denied?limit=20`.
    public var path: String {
        switch self {
        case .status: "/v1/status"
        case .jobs: "/v1/jobs"
        case .job(let id): "/v1/jobs/\(Self.pathSegment(id))"
        case .kill(let jobID): "/v1/jobs/\(Self.pathSegment(jobID))/kill"
        case .rateLimits: "/v1/rate-limits"
        case .denied(let limit?): "/v1/denied?limit=\(limit)"
        case .denied(nil): "/v1/denied"
        case .reload: "/v1/reload"
        case .snapshot: "/v1/snapshot"
        case .approvals: "/v1/approvals"
        case .decide(let id, _): "/v1/approvals/\(Self.pathSegment(id))"
        case .approvalHistory(let limit?): "/v1/approvals/history?limit=\(limit)"
        case .approvalHistory(nil): "/v1/approvals/history"
        case .history(let limit?): "/v1/history?limit=\(limit)"
        case .history(nil): "/v1/history"
        case .metrics: "/metrics"
        }
    }

    /// Job IDs are opaque: anything outside `A–Z a–z 0–9 - _ ~` is percent-encoded, so an ID can never add a path
    /// segment or a query, nor be a `..` that a URL normaliser would resolve.
    private static func pathSegment(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
