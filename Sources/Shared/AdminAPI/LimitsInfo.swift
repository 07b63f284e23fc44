/// The configured limits (SPEC §2) in `GET /v1/status`.
public struct LimitsInfo: Codable, Sendable, Equatable {
    /// `RATE_LIMIT_REQUESTS`: prompts per user per window.
    public var rateLimitRequests: Int
    /// `RATE_LIMIT_WINDOW`, in seconds.
    public var rateLimitWindow: Double
    /// `COMMAND_TIMEOUT`, in seconds.
    public var commandTimeout: Double
    /// `MAX_INPUT_LENGTH`, in Unicode scalars.
    public var maxInputLength: Int
    /// `MAX_CONCURRENT_JOBS`.
    public var maxConcurrentJobs: Int

    public init(
        rateLimitRequests: Int, rateLimitWindow: Double, commandTimeout: Double, maxInputLength: Int,
        maxConcurrentJobs: Int
    ) {
        self.rateLimitRequests = rateLimitRequests
        self.rateLimitWindow = rateLimitWindow
        self.commandTimeout = commandTimeout
        self.maxInputLength = maxInputLength
        self.maxConcurrentJobs = maxConcurrentJobs
    }

    enum CodingKeys: String, CodingKey {
        case rateLimitRequests = "rate_limit_requests"
        case rateLimitWindow = "rate_limit_window"
        case commandTimeout = "command_timeout"
        case maxInputLength = "max_input_length"
        case maxConcurrentJobs = "max_concurrent_jobs"
    }
}
