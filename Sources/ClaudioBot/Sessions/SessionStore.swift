/// Where claude session IDs are kept between prompts. The SQLite store implements it for the daemon.
protocol SessionStore: Sendable {
    func sessionID(for key: SessionKey) async -> String?
    /// Stores `sessionID` for `key` unless `superseded`, asked when the write is applied (after every forget handed
    /// over before it), says the session was given up meanwhile.
    func save(sessionID: String, for key: SessionKey, unlessSuperseded superseded: @escaping @Sendable () -> Bool) async
    /// Forgets the session (`/new`, or a resume that failed).
    func forget(_ key: SessionKey) async
    /// The `limit` conversations of `key` used most recently, newest first (`/sessions`).
    func conversations(of key: SessionKey, limit: Int) async -> [ConversationSummary]
}

extension SessionStore {
    func save(sessionID: String, for key: SessionKey) async {
        await save(sessionID: sessionID, for: key, unlessSuperseded: { false })
    }
}
