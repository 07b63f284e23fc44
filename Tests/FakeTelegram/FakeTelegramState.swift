import Foundation

/// Everything the fake Telegram server knows: the update queue, the messages the bot sent, injected faults and the
/// record of every call, with ways for tests to wait for calls instead of sleeping.
package actor FakeTelegramState {
    package typealias CallPredicate = @Sendable (FakeTelegramCall) -> Bool

    package let token: String
    package let botID: Int64 = 7_000_001
    package let botUsername = "claudio_test_bot"

    /// Queued updates (`update_id`, full JSON text), unconfirmed ones only.
    private var updates: [(id: Int64, json: String)] = []
    /// Every update ever queued, confirmed or not, for `redeliver`.
    private var archive: [Int64: String] = [:]
    private var nextUpdateID: Int64 = 100_001
    private var nextIncomingMessageID: Int64 = 1
    /// The highest `offset` a `getUpdates` has sent so far.
    package private(set) var confirmedOffset: Int64 = 0
    private var pollWaiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    private var timers: [UUID: Task<Void, Never>] = [:]
    private var faults: [String: [FakeTelegramFault]] = [:]
    package private(set) var calls: [FakeTelegramCall] = []
    private var callObservers: [UUID: (CallPredicate, CheckedContinuation<FakeTelegramCall?, Never>)] = [:]
    package var messages: [FakeTelegramMessage] = []
    package var nextMessageID: Int64 = 1
    private(set) var closed = false
    /// Sends and polls held on purpose.
    var holds = FakeTelegramHolds()
    /// When each update was first handed out by a `getUpdates` answer (wall clock, to compare with other processes).
    package private(set) var firstDeliveredAt: [Int64: Date] = [:]
    /// `getUpdates` calls being held open right now.
    package private(set) var pollsInProgress = 0
    /// Files users sent, by `file_id`, for `getFile` and the file URL.
    var hostedFiles: [String: FakeTelegramHostedFile] = [:]
    var nextFileNumber = 1

    init(token: String) {
        self.token = token
    }

    // MARK: Updates

    /// Queues an update; `fields` is the JSON text of its members other than `update_id`, which may be malformed
    /// in shape (but must be valid JSON). Wakes waiting long polls.
    @discardableResult
    package func enqueue(rawFields fields: String) -> Int64 {
        let id = nextUpdateID
        nextUpdateID += 1
        let json = "{\"update_id\":\(id)" + (fields.isEmpty ? "" : "," + fields) + "}"
        updates.append((id, json))
        archive[id] = json
        wakePolls()
        return id
    }

    /// Puts an already confirmed update back in the queue, as Telegram does when the confirming `getUpdates` never
    /// reached it (the bot stopped first). A bot that polls with its stored offset never sees it again.
    package func redeliver(updateID: Int64) {
        guard let json = archive[updateID], !updates.contains(where: { $0.id == updateID }) else { return }
        updates.append((updateID, json))
        updates.sort { $0.id < $1.id }
        wakePolls()
    }

    /// Queues a `message` (or `edited_message`) update from a user.
    /// - Parameters:
    ///   - text: nil for a sticker.
    ///   - chatID: defaults to the user's private chat.
    @discardableResult
    package func enqueueMessage(
        text: String?, from userID: Int64, username: String? = nil, chatID: Int64? = nil, chatType: String = "private",
        date: Date = Date(), edited: Bool = false
    ) -> Int64 {
        let messageID = nextIncomingMessageID
        nextIncomingMessageID += 1
        var sender: [String: FakeTelegramJSON] = ["id": .integer(userID), "is_bot": false, "first_name": "Test"]
        if let username { sender["username"] = .string(username) }
        var message: [String: FakeTelegramJSON] = [
            "message_id": .integer(messageID), "from": .object(sender),
            "chat": ["id": .integer(chatID ?? userID), "type": .string(chatType)],
            "date": .integer(Int64(date.timeIntervalSince1970)),
        ]
        if let text {
            message["text"] = .string(text)
        } else {
            message["sticker"] = ["file_id": "CAACAgIAAx0", "width": 512, "height": 512, "emoji": "👍"]
        }
        if edited { message["edit_date"] = .integer(Int64(Date().timeIntervalSince1970)) }
        let key = edited ? "edited_message" : "message"
        return enqueue(rawFields: "\"\(key)\":" + FakeTelegramJSON.object(message).jsonText)
    }

    /// Queues a `callback_query` update: `userID` pressed a button with `data` under the bot's message `messageID`.
    /// - Returns: the callback query's ID, which the bot's `answerCallbackQuery` names.
    @discardableResult
    package func enqueueCallbackQuery(
        data: String, from userID: Int64, username: String? = nil, messageID: Int64, chatID: Int64
    ) -> String {
        let queryID = "cb-\(nextUpdateID)"
        var sender: [String: FakeTelegramJSON] = ["id": .integer(userID), "is_bot": false, "first_name": "Test"]
        if let username { sender["username"] = .string(username) }
        let text = messages.first { $0.chatID == chatID && $0.messageID == messageID }?.text ?? ""
        let query: [String: FakeTelegramJSON] = [
            "id": .string(queryID), "from": .object(sender), "chat_instance": "42", "data": .string(data),
            "message": [
                "message_id": .integer(messageID), "chat": ["id": .integer(chatID), "type": "private"],
                "date": .integer(Int64(Date().timeIntervalSince1970)), "text": .string(text),
            ],
        ]
        enqueue(rawFields: "\"callback_query\":" + FakeTelegramJSON.object(query).jsonText)
        return queryID
    }

    /// The updates a `getUpdates` with these parameters receives: confirms those before `offset`, then waits up to
    /// `timeout` seconds (at most `maxWait`) for one to arrive.
    package func pollUpdates(offset: Int64?, timeout: Double, limit: Int, maxWait: Double) async -> [String] {
        if let offset, offset > 0 {
            updates.removeAll { $0.id < offset }
            confirmedOffset = max(confirmedOffset, offset)
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(min(max(timeout, 0), maxWait) * 1000))
        pollsInProgress += 1
        defer { pollsInProgress -= 1 }
        while true {
            let pending = updates.filter { $0.id >= (offset ?? 0) }
            if !pending.isEmpty || closed || ContinuousClock.now >= deadline {
                let delivered = pending.prefix(max(1, min(limit, 100)))
                let now = Date()
                for update in delivered where firstDeliveredAt[update.id] == nil { firstDeliveredAt[update.id] = now }
                return delivered.map(\.json)
            }
            await waitForEnqueue(until: deadline)
        }
    }

    /// Runs `body` on the state in one go, so a waiting long poll sees everything it queued at once.
    @discardableResult
    package func batch<Result: Sendable>(_ body: @Sendable (isolated FakeTelegramState) -> Result) -> Result {
        body(self)
    }

    /// How many queued updates have not been confirmed yet.
    package var unconfirmedUpdateCount: Int { updates.count }

    private func waitForEnqueue(until deadline: ContinuousClock.Instant) async {
        let id = UUID()
        await withCheckedContinuation { continuation in
            pollWaiters[id] = continuation
            timers[id] = Task {
                try? await Task.sleep(until: deadline, clock: .continuous)
                self.wakePoll(id)
            }
        }
    }

    private func wakePoll(_ id: UUID) {
        timers.removeValue(forKey: id)?.cancel()
        pollWaiters.removeValue(forKey: id)?.resume()
    }

    private func wakePolls() {
        for id in Array(pollWaiters.keys) { wakePoll(id) }
    }

    /// Answers every waiting long poll at once and every later one immediately (before the server stops).
    package func close() {
        closed = true
        releaseSends(.drop)
        releasePolls(.drop)
        wakePolls()
        for (id, observer) in callObservers {
            callObservers[id] = nil
            observer.1.resume(returning: nil)
        }
    }

    // MARK: Faults

    /// The next `count` calls of `method` answer with `fault`, after faults injected earlier.
    package func inject(_ fault: FakeTelegramFault, on method: String, count: Int = 1) {
        faults[method, default: []] += Array(repeating: fault, count: count)
    }

    package func takeFault(for method: String) -> FakeTelegramFault? {
        guard var pending = faults[method], !pending.isEmpty else { return nil }
        let fault = pending.removeFirst()
        faults[method] = pending
        return fault
    }

    // MARK: Calls

    package func record(
        method: String, parameters: [String: String], answer: FakeTelegramAnswer, fault: FakeTelegramFault?,
        receivedAt: ContinuousClock.Instant
    ) {
        var description: String?
        if case .json(let status, let body) = answer, status != 200,
            case .object(let envelope)? = try? JSONDecoder().decode(FakeTelegramJSON.self, from: body)
        {
            description = envelope["description"]?.text
        }
        let call = FakeTelegramCall(
            sequence: calls.count, method: method, parameters: parameters, status: answer.status, fault: fault,
            errorDescription: description, receivedAt: receivedAt)
        calls.append(call)
        for (id, observer) in callObservers where observer.0(call) {
            callObservers[id] = nil
            timers.removeValue(forKey: id)?.cancel()
            observer.1.resume(returning: call)
        }
    }

    /// The first call (already made or still to come) matching `predicate`; nil after `timeout`.
    package func firstCall(matching predicate: @escaping CallPredicate, timeout: Duration) async -> FakeTelegramCall? {
        if let call = calls.first(where: predicate) { return call }
        if closed { return nil }
        let id = UUID()
        return await withCheckedContinuation { continuation in
            callObservers[id] = (predicate, continuation)
            timers[id] = Task {
                try? await Task.sleep(for: timeout)
                self.expireObserver(id)
            }
        }
    }

    private func expireObserver(_ id: UUID) {
        timers.removeValue(forKey: id)
        callObservers.removeValue(forKey: id)?.1.resume(returning: nil)
    }

    package func calls(_ method: String) -> [FakeTelegramCall] {
        calls.filter { $0.method == method }
    }

    /// The messages the bot sent to `chatID`, oldest first, as they read now.
    package func messages(inChat chatID: Int64) -> [FakeTelegramMessage] {
        messages.filter { $0.chatID == chatID }
    }
}
