import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Telegram update decoding and answer mapping")
struct TelegramUpdateDecodingTests {
    private func slots(_ json: String) throws -> [TelegramUpdateSlot] {
        try TelegramBotAPI.interpret(
            HTTPResponse(statusCode: 200, body: Data("{\"ok\":true,\"result\":\(json)}".utf8)),
            as: [TelegramUpdateSlot].self)
    }

    @Test("a text message decodes with sender, chat, date and text; unknown fields are ignored")
    func textMessage() throws {
        let decoded = try slots(
            """
            [{"update_id": 7, "message": {"message_id": 3, "date": 1700000000, "new_field": {"x": [1]},
              "from": {"id": 5000000001, "is_bot": false, "first_name": "Ada", "last_name": "L", "username": "ada"},
              "chat": {"id": -100123, "type": "supergroup", "title": "Ops"}, "text": "hello"}}]
            """)
        let message = TelegramMessage(
            messageID: 3, from: TelegramUser(id: 5_000_000_001, firstName: "Ada", lastName: "L", username: "ada"),
            chat: TelegramChat(id: -100_123, type: "supergroup"), date: 1_700_000_000, text: "hello")
        #expect(decoded == [.update(TelegramUpdate(updateID: 7, message: message))])
        let inbound = try #require(TelegramUpdateHandler.inbound(message))
        #expect(inbound.user == ChatUser(platform: .telegram, id: "5000000001", username: "ada", displayName: "Ada L"))
        #expect(inbound.chatID == "-100123")
        #expect(inbound.sentAt == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test("a button press is read with who pressed, the message it was under and its data")
    func callbackQuery() throws {
        let decoded = try slots(
            """
            [{"update_id": 4, "callback_query": {"id": "q1", "chat_instance": "7",
              "from": {"id": 42, "is_bot": false, "first_name": "A", "username": "alice"},
              "message": {"message_id": 9, "date": 1, "chat": {"id": 42, "type": "private"}, "text": "🔐"},
              "data": "0123456789abcdef0123456789abcdef"}},
             {"update_id": 5, "callback_query": {"id": "q2", "from": {"id": 42}, "message": {"chat": {"id": 42}}}}]
            """)
        guard case .update(let press) = decoded.first, case .update(let old) = decoded.last else {
            Issue.record("unexpected \(decoded)")
            return
        }
        #expect(press.callbackQuery?.from.username == "alice")
        #expect(press.callbackQuery?.message?.messageID == 9)
        #expect(press.callbackQuery?.data == "0123456789abcdef0123456789abcdef")
        #expect(old.callbackQuery?.id == "q2" && old.callbackQuery?.message == nil && old.callbackQuery?.data == nil)
    }

    @Test("a sticker has no text; an edit arrives as edited_message; other update kinds carry neither")
    func otherKinds() throws {
        let decoded = try slots(
            """
            [{"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 2}, "from": {"id": 2},
              "sticker": {"file_id": "x"}}},
             {"update_id": 2, "edited_message": {"message_id": 1, "date": 1, "chat": {"id": 2}, "text": "v2"}},
             {"update_id": 3, "my_chat_member": {"chat": {"id": 2}, "date": 1}}]
            """)
        guard decoded.count == 3, case .update(let sticker) = decoded[0], case .update(let edit) = decoded[1],
            case .update(let other) = decoded[2]
        else {
            Issue.record("unexpected \(decoded)")
            return
        }
        #expect(sticker.message?.text == nil)
        #expect(edit.editedMessage?.text == "v2" && edit.message == nil)
        #expect(other.message == nil && other.editedMessage == nil && other.callbackQuery == nil)
    }

    @Test("a malformed update is skipped with its update_id and a reason; its neighbours survive")
    func malformedUpdates() throws {
        let decoded = try slots(
            """
            [{"update_id": 10, "message": {"message_id": "three", "date": 1, "chat": {"id": 2}}},
             {"update_id": 11, "message": {"message_id": 4, "date": 1, "chat": {"id": 2}, "text": "ok"}},
             {"message": {}},
             42,
             {"update_id": 12, "message": {"message_id": 5, "date": 1, "chat": {"id": 2}, "from": {"first_name": "x"}}}]
            """)
        #expect(decoded.count == 5)
        #expect(decoded[0] == .malformed(updateID: 10, reason: "message.message_id is not a Int64"))
        if case .update(let update) = decoded[1] {
            #expect(update.message?.text == "ok")
        } else {
            Issue.record("\(decoded[1])")
        }
        if case .malformed(nil, _) = decoded[2] {} else { Issue.record("\(decoded[2])") }
        if case .malformed(nil, _) = decoded[3] {} else { Issue.record("\(decoded[3])") }
        if case .malformed(12, let reason) = decoded[4] {
            #expect(reason == "id is missing in message.from")
        } else {
            Issue.record("\(decoded[4])")
        }
    }

    @Test("error envelopes map to their cases, retry_after included")
    func errorEnvelopes() {
        func error(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> TelegramAPIError? {
            do {
                _ = try TelegramBotAPI.interpret(
                    HTTPResponse(statusCode: status, headers: headers, body: Data(body.utf8)), as: Bool.self)
                return nil
            } catch {
                return error
            }
        }
        func envelope(_ code: Int, _ description: String, retryAfter: Int? = nil) -> TelegramAPIError? {
            let parameters = retryAfter.map { #","parameters":{"retry_after":\#($0)}"# } ?? ""
            return error(code, #"{"ok":false,"error_code":\#(code),"description":"\#(description)"\#(parameters)}"#)
        }
        #expect(envelope(401, "Unauthorized") == .unauthorized(description: "Unauthorized"))
        #expect(
            envelope(429, "Too Many Requests: retry after 7", retryAfter: 7)
                == .tooManyRequests(retryAfter: 7, description: "Too Many Requests: retry after 7"))
        #expect(envelope(409, "Conflict: x") == .conflict(description: "Conflict: x"))
        #expect(error(502, "<html>Bad Gateway</html>") == .server(status: 502, description: "HTTP 502"))
        #expect(
            error(429, "slow down", headers: ["Retry-After": "3"])
                == .tooManyRequests(retryAfter: 3, description: "HTTP 429"))
        #expect(error(200, "{\"ok\":tr") == .malformedResponse(status: 200, detail: "\"{\"ok\":tr\""))
        let wrongResult = #"{"ok":true,"result":"yes"}"#
        #expect(error(200, wrongResult) == .malformedResponse(status: 200, detail: "\"\(wrongResult)\""))
        #expect(envelope(400, "Bad Request: message is not modified: same")?.isMessageNotModified == true)
        #expect(envelope(400, "Bad Request: can't parse entities: bad tag")?.isEntityParseFailure == true)
        #expect(error(500, "{}")?.isTransient == true)
        #expect(error(400, "{}")?.isTransient == false)
    }
}
