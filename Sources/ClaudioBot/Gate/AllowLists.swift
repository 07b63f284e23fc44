import Shared

/// Who may use the bot: `ALLOWED_USER_IDS` and `SLACK_ALLOWED_USER_IDS` (SPEC §2), replaceable at runtime by a reload.
package struct AllowLists: Sendable, Equatable {
    /// Numeric Telegram user IDs. Empty means nobody: Telegram has no "everyone" mode.
    var telegram: Set<Int64>
    /// Slack user IDs (`U…` / `W…`). Empty means every member of the bot's own workspace, as documented upstream;
    /// a sender from another workspace must always be listed (SPEC §18).
    var slack: Set<String>

    package init(telegram: Set<Int64> = [], slack: Set<String> = []) {
        self.telegram = telegram
        self.slack = slack
    }

    /// True when the Slack list is empty, which lets every workspace member in; callers surface this as a warning.
    var allowsEverySlackMember: Bool { slack.isEmpty }

    /// Whether replacing these lists by `newer` would turn a Slack list that names people into "everyone" — what a
    /// misspelt or deleted line in the env file looks like, so a reload must not do it (SPEC §18).
    func wouldOpenSlack(to newer: AllowLists) -> Bool {
        !allowsEverySlackMember && newer.allowsEverySlackMember
    }

    /// Whether `user` may run prompts and commands.
    ///
    /// A Telegram ID must be the canonical decimal form of an `Int64`: `Int64("+42")` and `Int64("042")` parse,
    /// but an ID spelled that way never came from Telegram, so it is refused rather than normalised.
    ///
    /// An empty Slack list lets in the bot's workspace only: a Slack Connect user in a shared channel, or a command
    /// from another workspace, is a stranger to whoever installed the bot, so only their listed ID admits them.
    func isAllowed(_ user: ChatUser) -> Bool {
        switch user.platform {
        case .telegram:
            guard let id = Int64(user.id), String(id) == user.id else { return false }
            return telegram.contains(id)
        case .slack:
            if user.foreignTeamID != nil { return slack.contains(user.id) }
            return slack.isEmpty || slack.contains(user.id)
        }
    }
}
