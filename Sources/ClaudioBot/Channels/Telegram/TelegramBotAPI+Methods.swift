import Shared

/// The Bot API methods Claudio uses.
extension TelegramBotAPI {
    /// The bot itself; the first call at start, so a rejected token is found before anything else happens.
    func getMe() async throws(TelegramAPIError) -> TelegramUser {
        try await call("getMe", as: TelegramUser.self)
    }

    /// Removes a webhook so `getUpdates` works, keeping the updates that arrived while Claudio was down.
    func deleteWebhook() async throws(TelegramAPIError) {
        _ = try await deliver("deleteWebhook", ["drop_pending_updates": false], as: Bool.self)
    }

    /// Registers the command menu users see when they type "/".
    func setMyCommands(_ commands: [TelegramBotCommand]) async throws(TelegramAPIError) {
        _ = try await deliver("setMyCommands", ["commands": .array(commands.map(\.jsonValue))], as: Bool.self)
    }

    /// Long-polls for updates from `offset` (which confirms every earlier one), waiting up to `timeout` seconds when
    /// there are none. Only messages, edited messages and button presses are asked for.
    func getUpdates(offset: Int64?, timeout: Int) async throws(TelegramAPIError) -> [TelegramUpdateSlot] {
        var parameters: [String: TelegramJSONValue] = [
            "timeout": .integer(Int64(timeout)),
            "allowed_updates": .array(["message", "edited_message", "callback_query"]),
        ]
        if let offset { parameters["offset"] = .integer(offset) }
        return try await call(
            "getUpdates", parameters, as: [TelegramUpdateSlot].self, timeout: .seconds(timeout) + .seconds(15))
    }

    /// Sends a message, resending through 429s and transient failures.
    /// - Parameters:
    ///   - parseMode: "HTML" for formatted text, nil for plain text.
    ///   - buttons: an inline keyboard, one array per row.
    ///   - replyTo: the message this one answers; sent anyway when that message is gone.
    func sendMessage(
        chatID: String, text: String, parseMode: String? = nil, buttons: [[ChatButton]]? = nil,
        replyTo: String? = nil
    ) async throws(TelegramAPIError) -> TelegramMessage {
        var parameters: [String: TelegramJSONValue] = ["chat_id": .chatID(chatID), "text": .string(text)]
        if let parseMode { parameters["parse_mode"] = .string(parseMode) }
        if let buttons { parameters["reply_markup"] = Self.inlineKeyboard(buttons) }
        if let replyTo = replyTo.flatMap(Int64.init) {
            parameters["reply_parameters"] = .object([
                "message_id": .integer(replyTo), "allow_sending_without_reply": .bool(true),
            ])
        }
        return try await deliver("sendMessage", parameters, as: TelegramMessage.self)
    }

    /// Sends a file as a document (`sendDocument`) or an inline photo (`sendPhoto`), resending like `sendMessage`.
    func sendFile(chatID: String, _ file: OutgoingFile) async throws(TelegramAPIError) -> TelegramMessage {
        let (method, field) = file.kind == .photo ? ("sendPhoto", "photo") : ("sendDocument", "document")
        var parts: [MultipartPart] = [
            .text(name: "chat_id", value: chatID), .file(name: field, filename: file.name, data: file.data),
        ]
        if let caption = file.caption { parts.append(.text(name: "caption", value: String(caption.prefix(1024)))) }
        return try await deliver(method, chat: chatID) { () async throws(TelegramAPIError) -> TelegramMessage in
            try await callMultipart(method, parts, as: TelegramMessage.self)
        }
    }

    /// Where a file can be downloaded (SPEC §15). Telegram's own servers serve files up to 20 MB; for a larger one
    /// this answers 400 "file is too big".
    func getFile(fileID: String) async throws(TelegramAPIError) -> TelegramFile {
        try await deliver("getFile", ["file_id": .string(fileID)], as: TelegramFile.self)
    }

    /// Replaces a message's text; editing to the same text counts as success.
    /// - Parameter buttons: the message's new inline keyboard; an empty one removes its buttons, nil leaves them.
    func editMessageText(
        chatID: String, messageID: Int64, text: String, parseMode: String? = nil, buttons: [[ChatButton]]? = nil
    ) async throws(TelegramAPIError) {
        var parameters: [String: TelegramJSONValue] = [
            "chat_id": .chatID(chatID), "message_id": .integer(messageID), "text": .string(text),
        ]
        if let parseMode { parameters["parse_mode"] = .string(parseMode) }
        if let buttons { parameters["reply_markup"] = Self.inlineKeyboard(buttons) }
        do {
            _ = try await deliver("editMessageText", parameters, as: SkippedJSONValue.self)
        } catch let error where error.isMessageNotModified {
            return
        }
    }

    func deleteMessage(chatID: String, messageID: Int64) async throws(TelegramAPIError) {
        _ = try await deliver(
            "deleteMessage", ["chat_id": .chatID(chatID), "message_id": .integer(messageID)], as: Bool.self)
    }

    /// Answers a button press: a toast, or an alert the user must dismiss (`showAlert`). Tried once: a lost answer
    /// only leaves a spinner that Telegram clears by itself.
    func answerCallbackQuery(id: String, text: String, showAlert: Bool) async throws(TelegramAPIError) {
        _ = try await call(
            "answerCallbackQuery",
            ["callback_query_id": .string(id), "text": .string(String(text.prefix(200))), "show_alert": .bool(showAlert)],
            as: Bool.self)
    }

    /// `reply_markup` with these rows of buttons; each button's `callback_data` is its token alone.
    static func inlineKeyboard(_ rows: [[ChatButton]]) -> TelegramJSONValue {
        .object([
            "inline_keyboard": .array(
                rows.filter { !$0.isEmpty }.map { row in
                    .array(row.map { .object(["text": .string($0.label), "callback_data": .string($0.token)]) })
                })
        ])
    }

    /// Shows "typing…" for about 5 seconds. Tried once: a lost indicator is not worth a resend.
    func sendChatAction(chatID: String, action: String = "typing") async throws(TelegramAPIError) {
        _ = try await call("sendChatAction", ["chat_id": .chatID(chatID), "action": .string(action)], as: Bool.self)
    }
}
