import Shared

/// Errors that end a channel, and with it the daemon.
enum ChannelError: Error, CustomStringConvertible {
    /// The platform rejected the credentials (Telegram 401, Slack `invalid_auth`): exit code 3.
    case credentialsRejected(platform: Platform, detail: String)

    var description: String {
        switch self {
        case .credentialsRejected(.telegram, let detail):
            "❌ Telegram rejected TELEGRAM_BOT_TOKEN (\(detail)). Check the token with @BotFather (/token) and update it."
        case .credentialsRejected(.slack, let detail):
            "❌ Slack rejected the tokens (\(detail)). Check SLACK_BOT_TOKEN (xoxb-…, OAuth & Permissions) and "
                + "SLACK_APP_TOKEN (xapp-…, Basic Information → App-Level Tokens)."
        }
    }
}
