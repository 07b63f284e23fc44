/// Sessions in memory only: for tests, and for a daemon whose state directory is unavailable.
actor InMemorySessionStore: SessionStore {
    private var sessions: [SessionKey: String] = [:]

    init(_ initial: [SessionKey: String] = [:]) {
        sessions = initial
    }

    func sessionID(for key: SessionKey) -> String? { sessions[key] }
    func save(sessionID: String, for key: SessionKey, unlessSuperseded superseded: @Sendable () -> Bool) {
        if !superseded() { sessions[key] = sessionID }
    }
    func forget(_ key: SessionKey) { sessions[key] = nil }
    /// No history is kept in memory, so there are no past conversations to list.
    func conversations(of key: SessionKey, limit: Int) -> [ConversationSummary] { [] }
}
