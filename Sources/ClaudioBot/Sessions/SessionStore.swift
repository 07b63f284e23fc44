/// Where claude session IDs are kept between prompts. The SQLite store implements it for the daemon.
protocol SessionStore: Sendable {
    func sessionID(for key: SessionKey) async -> String?
    func save(sessionID: String, for key: SessionKey) async
    /// Forgets the session (`/new`, or a resume that failed).
    func forget(_ key: SessionKey) async
}
