/// The fields Claudio reads from an Events API event (`message`, `app_mention`).
struct SlackEvent: Decodable, Sendable, Equatable {
    var type: String
    /// Set on edits, joins, bot messages and the like; Claudio answers only plain user messages and file shares.
    var subtype: String?
    var channel: String?
    /// `im` for a direct message, `channel`, `group` or `mpim` otherwise.
    var channelType: String?
    var user: String?
    var text: String?
    /// The message's timestamp, its ID within the channel.
    var ts: String?
    /// Set when the message is inside a thread: the thread's first message's `ts`.
    var threadTS: String?
    /// Set on messages sent by a bot (Claudio's own included).
    var botID: String?
    /// The sender's workspace as the message names it; in a Slack Connect channel, another organisation's.
    var team: String?
    /// The workspace the sending user belongs to (set in shared channels).
    var userTeam: String?
    /// Files shared in the message (subtype `file_share`).
    var files: [SlackFile]?

    enum CodingKeys: String, CodingKey {
        case type, subtype, channel, user, text, ts, team, files
        case channelType = "channel_type"
        case threadTS = "thread_ts"
        case botID = "bot_id"
        case userTeam = "user_team"
    }

    init(
        type: String, subtype: String? = nil, channel: String? = nil, channelType: String? = nil, user: String? = nil,
        text: String? = nil, ts: String? = nil, threadTS: String? = nil, botID: String? = nil, team: String? = nil,
        userTeam: String? = nil, files: [SlackFile]? = nil
    ) {
        self.type = type
        self.subtype = subtype
        self.channel = channel
        self.channelType = channelType
        self.user = user
        self.text = text
        self.ts = ts
        self.threadTS = threadTS
        self.botID = botID
        self.team = team
        self.userTeam = userTeam
        self.files = files
    }
}
