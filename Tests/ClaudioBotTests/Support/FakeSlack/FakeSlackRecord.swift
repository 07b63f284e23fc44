/// Everything the fake Slack saw, as one value tests can search.
struct FakeSlackRecord: Sendable {
    /// Web API method names in call order (`auth.test`, `apps.connections.open`, `chat.postMessage`, …).
    var apiCalls: [String] = []
    /// Socket Mode connections that got their `hello`, ever.
    var connections = 0
    /// Socket Mode connections open now.
    var openSockets = 0
    var acks: [FakeSlackAck] = []
    /// `chat.postMessage` and `chat.update` calls, in order.
    var messages: [FakeSlackMessage] = []
    /// `chat.postEphemeral` calls: who was to see what, where.
    var ephemerals: [(channel: String, user: String, text: String)] = []
    /// Posts to response URLs.
    var responses: [FakeSlackResponse] = []
    /// Files shared (`files.completeUploadExternal` after the upload), in order.
    var files: [FakeSlackFile] = []
    /// Downloads of files users shared, in order.
    var downloads: [FakeSlackDownload] = []

    var posts: [FakeSlackMessage] { messages.filter { $0.kind == .post } }

    /// The buttons a message shows now: its post's, or its latest update's.
    func currentButtons(ofMessage ts: String) -> [FakeSlackButton] {
        messages.last { $0.ts == ts }?.buttons ?? []
    }

    /// The text a message shows now: its post, or its latest update.
    func currentText(ofMessage ts: String) -> String? {
        messages.last { $0.ts == ts }?.text
    }

    /// Messages posted in `thread` of `channel`, each with the text it shows now.
    func thread(_ thread: String, in channel: String) -> [FakeSlackMessage] {
        posts.filter { $0.channel == channel && $0.threadTS == thread }.map { post in
            var shown = post
            shown.text = currentText(ofMessage: post.ts) ?? post.text
            return shown
        }
    }

    func ack(for envelopeID: String) -> FakeSlackAck? {
        acks.first { $0.envelopeID == envelopeID }
    }

    func calls(to method: String) -> Int {
        apiCalls.filter { $0 == method }.count
    }
}
