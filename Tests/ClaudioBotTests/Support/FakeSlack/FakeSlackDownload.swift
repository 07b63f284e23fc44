/// One download of a shared file from the fake Slack.
struct FakeSlackDownload: Sendable, Equatable {
    var fileID: String
    /// Whether it carried the bot token.
    var authorized: Bool
}
