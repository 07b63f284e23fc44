import Shared

/// Texts of the commands every channel offers (SPEC §4.2).
enum ChatTexts {
    static func help(platform: Platform) -> String {
        switch platform {
        case .telegram:
            """
            🤖 Claudio runs your prompts with Claude Code on this machine.

            Send any text as a prompt. Your conversation continues until you start a new one.
            A voice note runs as its transcript; a file or photo is saved in the workspace's uploads/ folder, \
            and its caption is the prompt.
            /new — start a new conversation
            /cancel — stop your running prompt
            /status — CLI, workspace, your session, limits and cost today
            /sessions — your last conversations in this chat
            /myid — your Telegram user ID
            /help — this message
            """
        case .slack:
            """
            🤖 Claudio runs your prompts with Claude Code on this machine.

            Message me directly or mention me with a prompt, or use `/claudio <prompt>`.
            An audio clip runs as its transcript; a file is saved in the workspace's `uploads/` folder, \
            and its message is the prompt.
            `/claudio-new` — start a new conversation
            `/claudio-status` — status, your user ID and whether you are authorized
            """
        }
    }

    static let newConversation = "🆕 New conversation: your next prompt starts fresh."
    static let nothingToCancel = "Nothing of yours is running in this chat."

    /// The answer to stickers, videos, locations and edited messages from an authorized user.
    static let textOnly = "Please send your prompt as text."

    static func unknownCommand(_ name: String) -> String {
        "Unknown command /\(name). Send /help to see the commands."
    }

    static func offline(waited: Double, limit: Double) -> String {
        "⏰ This message waited \(SecondsText.format(waited.rounded())) s while Claudio was offline (limit "
            + "\(SecondsText.format(limit)) s), so it was not run. Please send it again if it still matters."
    }
}
