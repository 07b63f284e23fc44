extension ClaudeStreamEvent {
    /// A `system`/`api_retry` line: the CLI retries a failed API call (it tries about ten times over
    /// several minutes before giving up with an error result).
    package struct APIRetry: Sendable, Equatable, Decodable {
        /// Which retry this is, counting from 1.
        var attempt: Int?
        var maxRetries: Int?
        /// The HTTP status of the failed call; absent for network errors.
        var errorStatus: Int?
        /// The CLI's name for the failure, e.g. `server_error` or `rate_limit`.
        var error: String?
        var retryDelayMilliseconds: Double?

        init(attempt: Int?, maxRetries: Int?, errorStatus: Int? = nil, error: String? = nil, retryDelayMilliseconds: Double? = nil) {
            self.attempt = attempt
            self.maxRetries = maxRetries
            self.errorStatus = errorStatus
            self.error = error
            self.retryDelayMilliseconds = retryDelayMilliseconds
        }

        private enum CodingKeys: String, CodingKey {
            case attempt
            case maxRetries = "max_retries"
            case errorStatus = "error_status"
            case error
            case retryDelayMilliseconds = "retry_delay_ms"
        }

        package init(from decoder: any Decoder) throws {
            let line = try decoder.container(keyedBy: CodingKeys.self)
            attempt = line.lenientValue(Int.self, forKey: .attempt)
            maxRetries = line.lenientValue(Int.self, forKey: .maxRetries)
            errorStatus = line.lenientValue(Int.self, forKey: .errorStatus)
            error = line.lenientValue(String.self, forKey: .error)
            retryDelayMilliseconds = line.lenientValue(Double.self, forKey: .retryDelayMilliseconds)
        }
    }
}
