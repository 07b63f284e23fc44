import Foundation

/// Ways for tests to wait for what the bot does, failing with the calls seen so far instead of hanging.
extension FakeTelegramServer {
    package struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var calls: [FakeTelegramCall]

        package var description: String {
            "timed out waiting for \(waitingFor); calls so far:\n" + calls.map(\.description).joined(separator: "\n")
        }
    }

    /// The first call, made or still to come, matching `predicate`.
    /// - Throws: `Timeout` listing every call seen, when none matches within `timeout`.
    @discardableResult
    package func waitForCall(
        _ what: String, timeout: Duration = .seconds(15),
        where predicate: @escaping @Sendable (FakeTelegramCall) -> Bool
    ) async throws -> FakeTelegramCall {
        guard let call = await state.firstCall(matching: predicate, timeout: timeout) else {
            throw Timeout(waitingFor: what, calls: await state.calls)
        }
        return call
    }

    /// The first successful `sendMessage` or `editMessageText` to `chatID` whose text contains `text`, made after the
    /// call numbered `after` (see `mark()`).
    @discardableResult
    package func waitForText(
        _ text: String, inChat chatID: Int64, after mark: Int = 0, timeout: Duration = .seconds(15)
    ) async throws -> FakeTelegramCall {
        try await waitForCall("a message to chat \(chatID) containing \"\(text)\"", timeout: timeout) { call in
            call.sequence >= mark && call.succeeded && ["sendMessage", "editMessageText"].contains(call.method)
                && call.chatID == String(chatID) && (call.text?.contains(text) ?? false)
        }
    }

    /// Like `waitForText`, but only claude's answer: the "⏳ Working…" message is skipped, since its progress line
    /// quotes the first line of claude's text, cut short, and may be drawn before the answer itself arrives.
    @discardableResult
    package func waitForAnswer(
        containing text: String, inChat chatID: Int64, after mark: Int = 0, timeout: Duration = .seconds(15)
    ) async throws -> FakeTelegramCall {
        try await waitForCall("an answer to chat \(chatID) containing \"\(text)\"", timeout: timeout) { call in
            guard let sent = call.text, !sent.hasPrefix("⏳") else { return false }
            return call.sequence >= mark && call.succeeded && ["sendMessage", "editMessageText"].contains(call.method)
                && call.chatID == String(chatID) && sent.contains(text)
        }
    }

    /// The first call of `method` after the call numbered `after`.
    @discardableResult
    package func waitForMethod(_ method: String, after mark: Int = 0, timeout: Duration = .seconds(15)) async throws
        -> FakeTelegramCall
    {
        try await waitForCall("a \(method) call", timeout: timeout) { $0.sequence >= mark && $0.method == method }
    }

    /// The number the next call will get: pass it as `after` to wait only for later calls.
    package func mark() async -> Int {
        await state.calls.count
    }

    // MARK: Shortcuts

    @discardableResult
    package func sendText(
        _ text: String, from userID: Int64, username: String? = nil, chatID: Int64? = nil, chatType: String = "private",
        date: Date = Date()
    ) async -> Int64 {
        await state.enqueueMessage(
            text: text, from: userID, username: username, chatID: chatID, chatType: chatType, date: date)
    }

    /// Presses the button reading `label` under the newest message in `chatID` that has one, as `userID`.
    /// - Returns: the callback query's ID (see `waitForPressAnswer`).
    /// - Throws: `Timeout` when no message there has such a button within `timeout`.
    @discardableResult
    package func press(
        _ label: String, inChat chatID: Int64, from userID: Int64, username: String? = nil,
        timeout: Duration = .seconds(15)
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let messages = await state.messages(inChat: chatID)
            for message in messages.reversed() {
                if let button = message.buttons.joined().first(where: { $0.text == label }) {
                    return await state.enqueueCallbackQuery(
                        data: button.data, from: userID, username: username, messageID: message.messageID,
                        chatID: chatID)
                }
            }
            guard ContinuousClock.now < deadline else {
                throw Timeout(waitingFor: "a button \"\(label)\" in chat \(chatID)", calls: await state.calls)
            }
            _ = try? await waitForMethod("sendMessage", after: await mark(), timeout: .milliseconds(200))
        }
    }

    /// The bot's `answerCallbackQuery` for the press `queryID`.
    @discardableResult
    package func waitForPressAnswer(_ queryID: String, timeout: Duration = .seconds(15)) async throws
        -> FakeTelegramCall
    {
        try await waitForCall("the answer to button press \(queryID)", timeout: timeout) {
            $0.method == "answerCallbackQuery" && $0.parameters["callback_query_id"] == queryID
        }
    }

    package func inject(_ fault: FakeTelegramFault, on method: String, count: Int = 1) async {
        await state.inject(fault, on: method, count: count)
    }

    /// Successful calls of `method` to `chatID`, oldest first.
    package func successfulCalls(_ method: String, toChat chatID: Int64) async -> [FakeTelegramCall] {
        await state.calls(method).filter { $0.succeeded && $0.chatID == String(chatID) }
    }
}
