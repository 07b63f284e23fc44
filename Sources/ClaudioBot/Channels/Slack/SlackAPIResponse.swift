/// The fields Claudio reads from Slack Web API answers; every method answers `ok` plus some of these.
struct SlackAPIResponse: Decodable, Sendable {
    var ok: Bool
    var error: String?
    /// `apps.connections.open`: the WebSocket URL.
    var url: String?
    /// `chat.postMessage` / `chat.update`: the message's timestamp, its ID within the channel.
    var ts: String?
    var channel: String?
    /// `auth.test`: the bot's own user and bot IDs.
    var userID: String?
    var botID: String?
    /// `auth.test`: the bot's workspace ID (`team` is its name).
    var teamID: String?
    var user: String?
    var team: String?
    /// `files.getUploadURLExternal`: where to send the file's bytes, and the file's ID for completing the upload.
    var uploadURL: String?
    var fileID: String?

    enum CodingKeys: String, CodingKey {
        case ok, error, url, ts, channel, user, team
        case uploadURL = "upload_url"
        case fileID = "file_id"
        case userID = "user_id"
        case botID = "bot_id"
        case teamID = "team_id"
    }
}
