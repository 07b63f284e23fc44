/// `POST /v1/reload`: the allowlists now in force.
public struct ReloadResponse: Codable, Sendable, Equatable {
    public var telegram: TelegramAllowlistSummary
    public var slack: SlackAllowlistSummary

    public init(telegram: TelegramAllowlistSummary, slack: SlackAllowlistSummary) {
        self.telegram = telegram
        self.slack = slack
    }

    enum CodingKeys: String, CodingKey {
        case telegram
        case slack
    }
}
