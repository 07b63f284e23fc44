extension ClaudeStreamEvent {
    /// The `result` line that ends a run.
    ///
    /// `subtype` alone does not tell success: an API failure reports `subtype: success` with
    /// `is_error: true`, so callers look at `isError`.
    package struct RunResult: Sendable, Equatable, Decodable {
        /// `success`, `error_during_execution`, `error_max_turns`, …
        var subtype: String?
        /// The answer, or the error text ("API Error: 500 …"); absent on some errors.
        var text: String?
        var isError: Bool
        var sessionID: String?
        var totalCostUSD: Double?
        var numTurns: Int?
        var durationMilliseconds: Int?
        /// Why the run failed, e.g. "No conversation found with session ID: …" for an unknown `--resume`.
        var errors: [String]
        /// The HTTP status of the API call that ended the run.
        var apiErrorStatus: Int?
        /// `completed`, `api_error`, …
        var terminalReason: String?

        init(
            subtype: String? = "success", text: String?, isError: Bool = false, sessionID: String? = nil,
            totalCostUSD: Double? = nil, numTurns: Int? = nil, durationMilliseconds: Int? = nil,
            errors: [String] = [], apiErrorStatus: Int? = nil, terminalReason: String? = nil
        ) {
            self.subtype = subtype
            self.text = text
            self.isError = isError
            self.sessionID = sessionID
            self.totalCostUSD = totalCostUSD
            self.numTurns = numTurns
            self.durationMilliseconds = durationMilliseconds
            self.errors = errors
            self.apiErrorStatus = apiErrorStatus
            self.terminalReason = terminalReason
        }

        private enum CodingKeys: String, CodingKey {
            case subtype
            case text = "result"
            case isError = "is_error"
            case sessionID = "session_id"
            case totalCostUSD = "total_cost_usd"
            case numTurns = "num_turns"
            case durationMilliseconds = "duration_ms"
            case errors
            case apiErrorStatus = "api_error_status"
            case terminalReason = "terminal_reason"
        }

        package init(from decoder: any Decoder) throws {
            let line = try decoder.container(keyedBy: CodingKeys.self)
            subtype = line.lenientValue(String.self, forKey: .subtype)
            text = line.lenientValue(String.self, forKey: .text)
            // Without `is_error`, the `error_…` subtypes are the only sign of failure.
            isError = line.lenientValue(Bool.self, forKey: .isError) ?? (subtype?.hasPrefix("error") ?? false)
            sessionID = line.lenientValue(String.self, forKey: .sessionID)
            totalCostUSD = line.lenientValue(Double.self, forKey: .totalCostUSD)
            numTurns = line.lenientValue(Int.self, forKey: .numTurns)
            durationMilliseconds = line.lenientValue(Int.self, forKey: .durationMilliseconds)
            errors = line.lenientValue([String].self, forKey: .errors) ?? []
            apiErrorStatus = line.lenientValue(Int.self, forKey: .apiErrorStatus)
            terminalReason = line.lenientValue(String.self, forKey: .terminalReason)
        }
    }
}
