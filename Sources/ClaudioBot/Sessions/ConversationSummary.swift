import Foundation

/// One conversation of a user in a chat: the jobs that ran in one claude session (SPEC §16, `/sessions`).
struct ConversationSummary: Sendable, Equatable {
    /// The claude session, for `--resume`.
    var sessionID: String
    /// When its first prompt started.
    var startedAt: Date
    /// When its latest prompt ended.
    var lastUsedAt: Date
    /// The start of its first prompt, control characters removed.
    var firstPromptExcerpt: String
    /// How many prompts ran in it.
    var promptCount: Int
    /// What its runs cost in all, as claude reported it.
    var costUSD: Double
}
