import ClaudioTestSupport
import Foundation
import HummingbirdWebSocket
import NIOCore

/// The fake Slack's memory: tokens, open sockets, scripted failures, and the `FakeSlackRecord` tests wait on.
actor FakeSlackState {
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String
    }

    private struct Socket {
        var outbound: WebSocketOutboundWriter
        var channel: any Channel
    }

    private struct Waiter {
        var check: (FakeSlackRecord) -> Bool
        var expire: () -> Void
        var timer: Task<Void, Never>
    }

    let botToken: String
    let appToken: String
    let botUserID: String
    let botID: String
    var port = 0
    /// Uploads announced by `files.getUploadURLExternal`: name, announced length, the bytes once sent.
    private var pendingUploads: [String: (name: String, length: Int, data: Data?)] = [:]

    private(set) var record = FakeSlackRecord()
    /// Files users shared, by ID, served at their `url_private_download`.
    private var sharedFiles: [String: FakeSlackSharedFile] = [:]
    private var sockets: [Int: Socket] = [:]
    private var nextSocketID = 1
    private var tickets: Set<String> = []
    private var sentAt: [String: ContinuousClock.Instant] = [:]
    private var failures: [String: [FakeSlackFailure]] = [:]
    private var counter = 0
    private var waiters: [Int: Waiter] = [:]

    init(botToken: String, appToken: String, botUserID: String, botID: String) {
        self.botToken = botToken
        self.appToken = appToken
        self.botUserID = botUserID
        self.botID = botID
    }

    func setPort(_ port: Int) { self.port = port }

    func nextID() -> Int {
        counter += 1
        return counter
    }

    func failNext(_ method: String, with failure: FakeSlackFailure, times: Int) {
        failures[method, default: []].append(contentsOf: Array(repeating: failure, count: times))
    }

    // MARK: Web API

    func answerAPI(method: String, authorization: String?, body: Data) -> Answer {
        record.apiCalls.append(method)
        changed()
        if var scripted = failures[method], !scripted.isEmpty {
            let failure = scripted.removeFirst()
            failures[method] = scripted
            switch failure {
            case .rateLimited(let seconds):
                return Answer(
                    status: 429, headers: ["Retry-After": String(seconds)], body: #"{"ok":false,"error":"ratelimited"}"#)
            case .error(let code):
                return Self.failure(code)
            case .status(let status):
                return Answer(status: status, body: "")
            }
        }
        let expected = method == "apps.connections.open" ? appToken : botToken
        guard let authorization, authorization.hasPrefix("Bearer ") else { return Self.failure("not_authed") }
        guard authorization.dropFirst("Bearer ".count) == expected else { return Self.failure("invalid_auth") }
        let fields = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? Self.formFields(body)
        switch method {
        case "auth.test":
            return Self.success([
                "user_id": botUserID, "bot_id": botID, "team": "Fake Team", "team_id": FakeSlack.teamID, "user": "claudio",
            ])
        case "apps.connections.open":
            let ticket = "ticket-\(nextID())"
            tickets.insert(ticket)
            return Self.success(["url": "ws://127.0.0.1:\(port)/socket?ticket=\(ticket)"])
        case "chat.postMessage":
            guard let channel = fields["channel"] as? String, let text = fields["text"] as? String else {
                return Self.failure("channel_not_found")
            }
            let ts = "1700000000.\(String(format: "%06d", nextID()))"
            append(FakeSlackMessage(
                kind: .post, channel: channel, text: text, threadTS: fields["thread_ts"] as? String, ts: ts,
                mrkdwn: fields["mrkdwn"] as? Bool, buttons: Self.buttons(in: fields["blocks"])))
            return Self.success(["channel": channel, "ts": ts])
        case "chat.update":
            guard let channel = fields["channel"] as? String, let ts = fields["ts"] as? String,
                let text = fields["text"] as? String
            else { return Self.failure("invalid_arguments") }
            guard record.posts.contains(where: { $0.ts == ts && $0.channel == channel }) else {
                return Self.failure("message_not_found")
            }
            append(FakeSlackMessage(
                kind: .update, channel: channel, text: text, ts: ts, mrkdwn: fields["mrkdwn"] as? Bool,
                buttons: Self.buttons(in: fields["blocks"])))
            return Self.success(["channel": channel, "ts": ts])
        case "chat.postEphemeral":
            guard let channel = fields["channel"] as? String, let user = fields["user"] as? String,
                let text = fields["text"] as? String
            else { return Self.failure("invalid_arguments") }
            record.ephemerals.append((channel, user, text))
            changed()
            return Self.success(["message_ts": "1700000000.999999"])
        case "files.getUploadURLExternal":
            guard let name = fields["filename"] as? String, let length = (fields["length"] as? String).flatMap(Int.init)
            else { return Self.failure("invalid_arguments") }
            let id = "F\(nextID())"
            pendingUploads[id] = (name, length, nil)
            return Self.success(["upload_url": "http://127.0.0.1:\(port)/upload/\(id)", "file_id": id])
        case "files.completeUploadExternal":
            guard let files = fields["files"] as? [[String: Any]], let channel = fields["channel_id"] as? String else {
                return Self.failure("invalid_arguments")
            }
            for file in files {
                guard let id = file["id"] as? String, let upload = pendingUploads.removeValue(forKey: id),
                    let data = upload.data, data.count == upload.length
                else { return Self.failure("file_not_found") }
                record.files.append(FakeSlackFile(
                    id: id, name: upload.name, data: data, channel: channel, threadTS: fields["thread_ts"] as? String,
                    comment: fields["initial_comment"] as? String))
            }
            changed()
            return Self.success(["file_count": String(files.count)])
        default:
            return Self.failure("unknown_method")
        }
    }

    /// The bytes of an upload to a URL `files.getUploadURLExternal` handed out (raw, or a multipart `file` part).
    func receiveUpload(id: String, body: Data, contentType: String) -> Answer {
        guard var upload = pendingUploads[id] else { return Answer(status: 404, body: "unknown upload") }
        upload.data = MultipartFormData(body: body, contentType: contentType)?["file"]?.data ?? body
        pendingUploads[id] = upload
        return Answer(status: 200, body: "OK - \(upload.data?.count ?? 0)")
    }

    private static func formFields(_ body: Data) -> [String: Any] {
        var fields: [String: Any] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    func answerResponseURL(commandID: String, body: Data) -> Answer {
        record.apiCalls.append("response_url")
        let fields = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        record.responses.append(
            FakeSlackResponse(
                commandID: commandID, text: fields["text"] as? String ?? "",
                responseType: fields["response_type"] as? String))
        changed()
        return Answer(status: 200, body: "ok")
    }

    /// The buttons of `actions` blocks, in order.
    private static func buttons(in blocks: Any?) -> [FakeSlackButton] {
        guard let blocks = blocks as? [[String: Any]] else { return [] }
        return blocks.filter { $0["type"] as? String == "actions" }.flatMap { block in
            ((block["elements"] as? [[String: Any]]) ?? []).compactMap { element in
                guard let text = (element["text"] as? [String: Any])?["text"] as? String,
                    let value = element["value"] as? String
                else { return nil }
                return FakeSlackButton(text: text, value: value)
            }
        }
    }

    private func append(_ message: FakeSlackMessage) {
        record.messages.append(message)
        changed()
    }

    private static func success(_ fields: [String: String]) -> Answer {
        var object: [String: Any] = fields
        object["ok"] = true
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Answer(status: 200, headers: ["Content-Type": "application/json"], body: String(decoding: data, as: UTF8.self))
    }

    private static func failure(_ code: String) -> Answer {
        Answer(status: 200, headers: ["Content-Type": "application/json"], body: #"{"ok":false,"error":"\#(code)"}"#)
    }

    // MARK: Shared files

    /// Keeps `file` for download and returns its ID.
    func share(_ file: FakeSlackSharedFile) -> String {
        let id = "FUP\(nextID())"
        sharedFiles[id] = file
        return id
    }

    /// `GET /files/<id>/<name>`: the bytes with the bot token; Slack's sign-in page (200, HTML) without it.
    func download(id: String, authorization: String?) -> (status: Int, contentType: String, body: Data) {
        let authorized = authorization == "Bearer \(botToken)"
        record.downloads.append(FakeSlackDownload(fileID: id, authorized: authorized))
        changed()
        guard authorized else { return (200, "text/html; charset=utf-8", Data("<html>Sign in to Slack</html>".utf8)) }
        guard let file = sharedFiles[id] else { return (404, "text/plain", Data("file_not_found".utf8)) }
        return (200, file.mimeType, file.data)
    }

    // MARK: Socket Mode

    /// Whether `ticket` came from `apps.connections.open` and was not used yet.
    func redeem(_ ticket: String) -> Bool {
        tickets.remove(ticket) != nil
    }

    func socketOpened(outbound: WebSocketOutboundWriter, channel: any Channel) -> Int {
        let id = nextSocketID
        nextSocketID += 1
        sockets[id] = Socket(outbound: outbound, channel: channel)
        return id
    }

    func helloSent() {
        record.connections += 1
        record.openSockets = sockets.count
        changed()
    }

    func socketClosed(_ id: Int) {
        sockets[id] = nil
        record.openSockets = sockets.count
        changed()
    }

    func received(_ text: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let envelopeID = object["envelope_id"] as? String
        else { return }
        let delay = sentAt[envelopeID].map { ContinuousClock.now - $0 } ?? .zero
        record.acks.append(FakeSlackAck(envelopeID: envelopeID, delay: delay))
        changed()
    }

    /// Sends a frame on the newest open socket; returns false when none is open.
    func send(_ text: String, envelopeID: String? = nil) async -> Bool {
        guard let newest = sockets.keys.max(), let socket = sockets[newest] else { return false }
        if let envelopeID { sentAt[envelopeID] = ContinuousClock.now }
        do {
            try await socket.outbound.write(.text(text))
            return true
        } catch {
            return false
        }
    }

    /// Closes the newest socket's TCP connection without a close frame, as a network failure would.
    func dropNewestSocket() {
        guard let newest = sockets.keys.max(), let socket = sockets[newest] else { return }
        socket.channel.close(promise: nil)
    }

    // MARK: Waiting

    /// The first non-nil `find(record)`, now or after a later change; nil after `timeout`.
    func wait<Value: Sendable>(
        timeout: Duration, for find: @escaping @Sendable (FakeSlackRecord) -> Value?
    ) async -> Value? {
        if let found = find(record) { return found }
        let id = nextID()
        return await withCheckedContinuation { continuation in
            let timer = Task { [weak self] in
                try? await Task.sleep(for: timeout)
                guard !Task.isCancelled else { return }
                await self?.expire(id)
            }
            waiters[id] = Waiter(
                check: { record in
                    guard let found = find(record) else { return false }
                    continuation.resume(returning: found)
                    return true
                },
                expire: { continuation.resume(returning: nil) },
                timer: timer)
        }
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.expire()
    }

    private func changed() {
        for (id, waiter) in waiters where waiter.check(record) {
            waiter.timer.cancel()
            waiters[id] = nil
        }
    }
}
