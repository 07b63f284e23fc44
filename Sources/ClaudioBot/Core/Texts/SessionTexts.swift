import Foundation
import Shared

/// The answer of `/sessions` (SPEC §16): the caller's last conversations in this chat, as text.
enum SessionTexts {
    /// How many conversations `/sessions` lists.
    static let listed = 10

    /// One block per conversation, newest first, the one the next prompt continues marked.
    /// - Parameters:
    ///   - current: the session the caller's next prompt resumes, if any.
    ///   - withButtons: the list comes with a Resume button per conversation.
    static func conversations(_ list: [ConversationSummary], current: String?, withButtons: Bool = false) -> String {
        guard !list.isEmpty else {
            return "🗂 No conversations in this chat yet: your next prompt starts one."
        }
        var lines = ["🗂 Your last conversations in this chat (times in UTC), newest first:"]
        for (index, conversation) in list.enumerated() {
            let mark = conversation.sessionID == current ? " ← your next prompt continues this one" : ""
            let prompts = conversation.promptCount == 1 ? "1 prompt" : "\(conversation.promptCount) prompts"
            lines.append("")
            lines.append("\(index + 1). “\(conversation.firstPromptExcerpt)”\(mark)")
            lines.append(
                "   started \(time(conversation.startedAt)), last used \(time(conversation.lastUsedAt)), \(prompts), "
                    + DollarText.cost(conversation.costUSD))
        }
        lines.append("")
        if withButtons { lines.append("Press a number to continue that conversation with your next prompt.") }
        lines.append("/new starts a fresh conversation.")
        return lines.joined(separator: "\n")
    }

    /// The answer to a Resume press.
    static func resumed(index: Int) -> String {
        "▶️ Your next prompt continues conversation \(index)"
    }

    /// The answer to someone pressing another user's Resume button.
    static func onlyFor(_ user: ChatUser) -> String {
        "These buttons are \(ApprovalTexts.name(of: user))'s"
    }

    /// "2026-01-05 14:03".
    private static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
