import Shared

/// Someone pressed a button of a `ChatQuestion`.
package struct ButtonPress: Sendable, Equatable {
    /// The button's data as the platform sent it back; untrusted.
    package var token: String
    package var user: ChatUser

    package init(token: String, user: ChatUser) {
        self.token = token
        self.user = user
    }
}

/// What the person who pressed is told (a Telegram callback answer, a Slack ephemeral message).
package struct ButtonPressReply: Sendable, Equatable {
    package var text: String
    /// Whether it needs acknowledging (Telegram `show_alert`): a refusal, not a confirmation.
    package var isRefusal: Bool

    package init(text: String, isRefusal: Bool = false) {
        self.text = text
        self.isRefusal = isRefusal
    }
}

/// Answers presses of the buttons it posted.
package protocol ButtonPressHandler: Sendable {
    /// The reply to `press`; nil when the token is none of this handler's (never was, or no longer is).
    func press(_ press: ButtonPress) async -> ButtonPressReply?
}
