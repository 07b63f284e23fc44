import Foundation
import Hummingbird
import Shared

/// The admin API's routes (SPEC §6), each a thin translation of HTTP to one `AdminBackend` call.
enum AdminRoutes {
    /// A router serving `backend` under `/v1` and its metrics at `/metrics`, every failure answered as
    /// `{"error": "…"}`.
    static func router(serving backend: any AdminBackend) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AdminErrorMiddleware())
        router.get("metrics") { _, _ in Response.prometheus(try await backend.metrics()) }
        let v1 = router.group("v1")
        v1.get("status") { _, _ in try Response.adminJSON(try await backend.status()) }
        v1.get("jobs") { _, _ in try Response.adminJSON(try await backend.jobs()) }
        v1.get("jobs/:id") { _, context in
            let rawID = try context.parameters.require("id")
            let jobID = rawID.removingPercentEncoding ?? rawID
            guard let detail = try await backend.job(id: jobID) else {
                throw AdminHTTPError(.notFound, "unknown job: \(jobID)")
            }
            return try Response.adminJSON(detail)
        }
        v1.post("jobs/:id/kill") { _, context in
            let rawID = try context.parameters.require("id")
            // Hummingbird matches on the raw path; clients percent-encode opaque IDs.
            let jobID = rawID.removingPercentEncoding ?? rawID
            guard let killed = try await backend.kill(jobID: jobID) else {
                throw AdminHTTPError(.notFound, "unknown job: \(jobID)")
            }
            return try Response.adminJSON(killed)
        }
        v1.get("rate-limits") { _, _ in try Response.adminJSON(try await backend.rateLimits()) }
        v1.get("denied") { request, _ in
            let limit = try deniedLimit(from: request.uri.queryParameters.get("limit"))
            return try Response.adminJSON(try await backend.denied(limit: limit))
        }
        v1.post("reload") { _, _ in
            do {
                return try Response.adminJSON(try await backend.reload())
            } catch let error as AdminReloadError {
                throw AdminHTTPError(.unprocessableContent, error.message)
            }
        }
        v1.get("snapshot") { _, _ in Response.adminJSON(bytes: try SnapshotJSON.encode(try await backend.snapshot())) }
        v1.get("approvals") { _, _ in try Response.adminJSON(try await backend.approvals()) }
        v1.get("approvals/history") { request, _ in
            let limit = try deniedLimit(from: request.uri.queryParameters.get("limit"))
            return try Response.adminJSON(try await backend.approvalHistory(limit: limit))
        }
        v1.post("approvals/:id") { request, context in
            let rawID = try context.parameters.require("id")
            let id = rawID.removingPercentEncoding ?? rawID
            let decision = try await operatorDecision(from: request)
            switch try await backend.decide(approvalID: id, decision) {
            case .decided: return try Response.adminJSON(OperatorDecisionResponse(id: id, decision: decision.decision))
            case .unknown: throw AdminHTTPError(.notFound, "unknown approval request: \(id)")
            case .notPending: throw AdminHTTPError(.conflict, "approval request \(id) is no longer waiting")
            }
        }
        v1.get("history") { request, _ in
            let limit = try limit(
                from: request.uri.queryParameters.get("limit"), default: HistoryResponse.defaultLimit,
                range: HistoryResponse.limitRange)
            return try Response.adminJSON(try await backend.history(limit: limit))
        }
        return router
    }

    /// The body of `POST /v1/approvals/{id}`; anything else is a 400 that says what is expected.
    static func operatorDecision(from request: Request) async throws -> OperatorDecision {
        let body = try await request.body.collect(upTo: 4096)
        let expected = #"expected {"decision": "allow" or "deny", "via": "console", "cli" or "api" (optional)}"#
        guard let decision = try? AdminJSON.decoder.decode(OperatorDecision.self, from: Data(buffer: body)) else {
            throw AdminHTTPError(.badRequest, "invalid body: " + expected)
        }
        if let via = decision.via, ![.console, .cli, .api].contains(via) {
            throw AdminHTTPError(.badRequest, "via \"\(via.rawValue)\" is not an operator's: " + expected)
        }
        return decision
    }

    /// The `limit` query parameter of `GET /v1/denied`: absent means the default; anything but an integer in
    /// ``DeniedResponse/limitRange`` is a 400.
    static func deniedLimit(from text: String?) throws -> Int {
        try limit(from: text, default: DeniedResponse.defaultLimit, range: DeniedResponse.limitRange)
    }

    /// A `limit` query parameter: absent means `fallback`; anything but an integer in `range` is a 400.
    static func limit(from text: String?, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return fallback }
        guard let limit = Int(text), range.contains(limit) else {
            throw AdminHTTPError(
                .badRequest,
                "limit must be an integer from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return limit
    }
}
