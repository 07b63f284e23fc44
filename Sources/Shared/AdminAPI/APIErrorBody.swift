/// The body of every 4xx/5xx answer of the admin API: `{"error": "…"}`.
public struct APIErrorBody: Codable, Sendable, Equatable {
    /// A human-readable explanation, shown as is by `claudio` and the console.
    public var error: String

    public init(error: String) {
        self.error = error
    }
}
