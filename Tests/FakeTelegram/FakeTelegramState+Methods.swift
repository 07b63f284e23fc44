import Foundation

/// What each Bot API method does in the fake, with the real server's checks that matter to Claudio: text length
/// after entity parsing, HTML validity, "message is not modified", unknown messages.
extension FakeTelegramState {
    /// Answers one call and records it. `tokenValid` is false when the URL's token is not the fake's.
    package func answer(
        method: String, parameters: [String: FakeTelegramJSON], tokenValid: Bool, maxPollWait: Double
    ) async -> FakeTelegramAnswer {
        let receivedAt = ContinuousClock.now
        let textParameters = parameters.mapValues(\.text)
        guard tokenValid else {
            let answer = FakeTelegramAnswer.error(401, "Unauthorized")
            record(method: method, parameters: textParameters, answer: answer, fault: nil, receivedAt: receivedAt)
            return answer
        }
        if let fault = takeFault(for: method) {
            let answer = Self.answer(for: fault)
            record(method: method, parameters: textParameters, answer: answer, fault: fault, receivedAt: receivedAt)
            return answer
        }
        if method != "getUpdates", await waitIfHeld(method: method, parameters: parameters) == .drop { return .drop }
        let answer: FakeTelegramAnswer
        switch method {
        case "getMe":
            answer = .ok([
                "id": .integer(botID), "is_bot": true, "first_name": "Claudio Test", "username": .string(botUsername),
                "can_join_groups": true,
            ])
        case "deleteWebhook", "setMyCommands", "sendChatAction", "answerCallbackQuery":
            answer = .ok(true)
        case "getUpdates":
            // Recorded on arrival, so a test can wait for "the bot polls" while the poll is still held open.
            record(method: method, parameters: textParameters, answer: .ok([]), fault: nil, receivedAt: receivedAt)
            if await waitIfHeld(method: method, parameters: parameters) == .drop { return .drop }
            let offset = parameters["offset"].flatMap { Int64($0.text) }
            let timeout = parameters["timeout"].flatMap { Double($0.text) } ?? 0
            let limit = parameters["limit"].flatMap { Int($0.text) } ?? 100
            let updates = await pollUpdates(offset: offset, timeout: timeout, limit: limit, maxWait: maxPollWait)
            let body = "{\"ok\":true,\"result\":[" + updates.joined(separator: ",") + "]}"
            return .json(status: 200, body: Data(body.utf8))
        case "sendMessage":
            answer = sendMessage(parameters)
        case "sendDocument", "sendPhoto":
            answer = sendFile(parameters, field: method == "sendPhoto" ? "photo" : "document")
        case "editMessageText":
            answer = editMessageText(parameters)
        case "deleteMessage":
            answer = deleteMessage(parameters)
        case "getFile":
            answer = getFile(parameters)
        default:
            answer = .error(404, "Not Found")
        }
        record(method: method, parameters: textParameters, answer: answer, fault: nil, receivedAt: receivedAt)
        return answer
    }

    private static func answer(for fault: FakeTelegramFault) -> FakeTelegramAnswer {
        switch fault {
        case .serverError(let status): .error(status, status == 502 ? "Bad Gateway" : "Internal Server Error")
        case .tooManyRequests(let retryAfter):
            .error(429, "Too Many Requests: retry after \(retryAfter)", retryAfter: retryAfter)
        case .dropConnection: .drop
        case .malformedBody: .garbage
        case .conflict:
            .error(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
        case .unauthorized: .error(401, "Unauthorized")
        case .badRequest(let description): .error(400, description)
        }
    }

    // MARK: Messages

    private func sendMessage(_ parameters: [String: FakeTelegramJSON]) -> FakeTelegramAnswer {
        guard let chatID = parameters["chat_id"].flatMap({ Int64($0.text) }) else {
            return .error(400, "Bad Request: chat not found")
        }
        let visible: (text: String, html: String?)
        switch Self.visibleText(parameters) {
        case .success(let text): visible = text
        case .failure(let answer): return answer
        }
        let message = FakeTelegramMessage(
            messageID: nextMessageID, chatID: chatID, text: visible.text, html: visible.html,
            buttons: Self.keyboard(parameters) ?? [])
        nextMessageID += 1
        messages.append(message)
        return .ok(Self.json(message))
    }

    /// `sendDocument` / `sendPhoto` as multipart: the file in `field` (its text in the record), an optional caption.
    private func sendFile(_ parameters: [String: FakeTelegramJSON], field: String) -> FakeTelegramAnswer {
        guard let chatID = parameters["chat_id"].flatMap({ Int64($0.text) }) else {
            return .error(400, "Bad Request: chat not found")
        }
        guard parameters[field] != nil, parameters[field + ".filename"] != nil else {
            return .error(400, "Bad Request: there is no \(field) in the request")
        }
        let message = FakeTelegramMessage(
            messageID: nextMessageID, chatID: chatID, text: parameters["caption"]?.text ?? "", html: nil)
        nextMessageID += 1
        messages.append(message)
        return .ok(Self.json(message))
    }

    private func editMessageText(_ parameters: [String: FakeTelegramJSON]) -> FakeTelegramAnswer {
        let chatID = parameters["chat_id"].flatMap { Int64($0.text) }
        let messageID = parameters["message_id"].flatMap { Int64($0.text) }
        guard let index = messages.firstIndex(where: { $0.chatID == chatID && $0.messageID == messageID }) else {
            return .error(400, "Bad Request: message to edit not found")
        }
        let visible: (text: String, html: String?)
        switch Self.visibleText(parameters) {
        case .success(let text): visible = text
        case .failure(let answer): return answer
        }
        // Like Telegram's, an edit without reply_markup leaves the message without buttons.
        let buttons = Self.keyboard(parameters) ?? []
        if messages[index].text == visible.text, messages[index].html == visible.html, messages[index].buttons == buttons {
            return .error(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are exactly "
                    + "the same as a current content and reply markup of the message")
        }
        messages[index].text = visible.text
        messages[index].html = visible.html
        messages[index].buttons = buttons
        messages[index].editCount += 1
        return .ok(Self.json(messages[index]))
    }

    private func deleteMessage(_ parameters: [String: FakeTelegramJSON]) -> FakeTelegramAnswer {
        let chatID = parameters["chat_id"].flatMap { Int64($0.text) }
        let messageID = parameters["message_id"].flatMap { Int64($0.text) }
        guard let index = messages.firstIndex(where: { $0.chatID == chatID && $0.messageID == messageID }) else {
            return .error(400, "Bad Request: message to delete not found")
        }
        messages.remove(at: index)
        return .ok(true)
    }

    /// The inline keyboard of `reply_markup` (a JSON object, or its text in a form body); nil without one.
    private static func keyboard(_ parameters: [String: FakeTelegramJSON]) -> [[FakeTelegramButton]]? {
        guard var markup = parameters["reply_markup"] else { return nil }
        if case .string(let text) = markup {
            guard let decoded = try? JSONDecoder().decode(FakeTelegramJSON.self, from: Data(text.utf8)) else {
                return nil
            }
            markup = decoded
        }
        guard case .array(let rows)? = markup["inline_keyboard"] else { return nil }
        return rows.map { row in
            guard case .array(let buttons) = row else { return [] }
            return buttons.compactMap { button in
                guard let text = button["text"]?.stringValue, let data = button["callback_data"]?.stringValue else {
                    return nil
                }
                return FakeTelegramButton(text: text, data: data)
            }
        }
    }

    private enum Visible {
        case success((text: String, html: String?))
        case failure(FakeTelegramAnswer)
    }

    /// The text a message shows, or the error Telegram answers for it.
    private static func visibleText(_ parameters: [String: FakeTelegramJSON]) -> Visible {
        let raw = parameters["text"]?.text ?? ""
        var text = raw
        var html: String?
        if parameters["parse_mode"]?.text.uppercased() == "HTML" {
            do {
                text = try FakeTelegramHTML.visibleText(raw)
                html = raw
            } catch {
                return .failure(.error(400, "Bad Request: can't parse entities: \(error.description)"))
            }
        }
        if text.allSatisfy(\.isWhitespace) { return .failure(.error(400, "Bad Request: message text is empty")) }
        if text.utf16.count > 4096 { return .failure(.error(400, "Bad Request: message is too long")) }
        return .success((text, html))
    }

    private static func json(_ message: FakeTelegramMessage) -> FakeTelegramJSON {
        [
            "message_id": .integer(message.messageID), "date": .integer(Int64(Date().timeIntervalSince1970)),
            "chat": ["id": .integer(message.chatID), "type": "private"], "text": .string(message.text),
        ]
    }
}
