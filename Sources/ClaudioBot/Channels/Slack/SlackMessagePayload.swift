import Shared

/// The JSON body of `chat.postMessage`, `chat.update` and a `response_url` post; absent fields are left out.
struct SlackMessagePayload: Encodable, Sendable, Equatable {
    var channel: String?
    var text: String
    /// The thread to post in.
    var threadTS: String?
    /// The message to replace (`chat.update`).
    var ts: String?
    /// false: show `*`, `_` and `~` as typed.
    var mrkdwn: Bool?
    /// `response_url` only: "ephemeral" shows the answer to the caller alone.
    var responseType: String?
    /// Block Kit blocks (a question's text and buttons); `text` is then the notification fallback.
    var blocks: JSONValue?
    /// `chat.postEphemeral` only: who sees the message.
    var user: String?

    enum CodingKeys: String, CodingKey {
        case channel, text, ts, mrkdwn, blocks, user
        case threadTS = "thread_ts"
        case responseType = "response_type"
    }
}
