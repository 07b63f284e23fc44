import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Telegram replies against the fake Bot API")
struct TelegramReplierTests {
    private let chat: Int64 = 4242
    private var address: ChatAddress { ChatAddress(platform: .telegram, chatID: String(chat)) }

    @Test("an answer replaces the placeholder, rendered as HTML")
    func answerReplacesPlaceholder() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            let placeholder = try #require(await replier.send(JobMessages.working, to: address))
            await replier.deliverAnswer("**Done**: `x < y`", to: address, replacing: placeholder, documentName: "answer-test.md")
            let messages = await fake.state.messages(inChat: chat)
            #expect(messages.count == 1)
            #expect(messages.first?.html == "<b>Done</b>: <code>x &lt; y</code>")
            #expect(messages.first?.text == "Done: x < y")
        }
    }

    @Test("a 6000-character answer becomes the edited placeholder plus one more message, each within 4096")
    func longAnswerIsSplit() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            let placeholder = await replier.send(JobMessages.working, to: address)
            await replier.deliverAnswer(String(repeating: "a", count: 6000), to: address, replacing: placeholder, documentName: "answer-test.md")
            let messages = await fake.state.messages(inChat: chat)
            #expect(messages.map(\.text.count) == [4000, 2000])
            #expect(messages.first?.editCount == 1)
        }
    }

    @Test("a 60 000-character answer: its first message replaces the placeholder, the whole text follows as a document")
    func hugeAnswerBecomesADocument() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            let placeholder = await replier.send(JobMessages.working, to: address)
            let answer = (1...1500).map { "line \($0) of a very long answer, padded to forty" }.joined(separator: "\n")
            #expect(answer.count > 60_000)
            await replier.deliverAnswer(answer, to: address, replacing: placeholder, documentName: "answer-job-7.md")
            let messages = await fake.state.messages(inChat: chat)
            #expect(messages.count == 2, "the edited placeholder and the document's message")
            #expect(messages.first?.text.hasPrefix("line 1 of a very long answer") == true)
            let documents = await fake.state.calls("sendDocument").filter(\.succeeded)
            #expect(documents.count == 1)
            #expect(documents.first?.parameters["document.filename"] == "answer-job-7.md")
            #expect(documents.first?.parameters["document"] == answer)
            #expect(documents.first?.parameters["caption"]?.hasPrefix("📄 The whole answer") == true)
            #expect(await fake.state.calls("sendMessage").count == 1, "only the placeholder was sent as a message")
        }
    }

    @Test("a code block split across messages is closed and reopened, and every part parses")
    func codeBlockAcrossParts() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            let code = (1...400).map { "let value\($0) = a < b && c > d // \($0)" }.joined(separator: "\n")
            await replier.deliverAnswer("Result:\n```swift\n\(code)\n```\nEnd.", to: address, replacing: nil, documentName: "answer-test.md")
            let messages = await fake.state.messages(inChat: chat)
            #expect(messages.count >= 4)
            for message in messages {
                #expect(message.html?.contains("<pre><code class=\"language-swift\">") == true)
                #expect(message.text.utf16.count <= 4096)
            }
            #expect(messages.last?.text.hasSuffix("End.") == true)
        }
    }

    @Test("formatting Telegram cannot parse is resent as plain text, for new messages and edits")
    func entityParseFallback() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            let refusal = FakeTelegramFault.badRequest("Bad Request: can't parse entities: Unsupported start tag")
            await fake.inject(refusal, on: "sendMessage")
            await replier.deliverAnswer("**one**", to: address, replacing: nil, documentName: "answer-test.md")
            let placeholder = await replier.send(JobMessages.working, to: address)
            await fake.inject(refusal, on: "editMessageText")
            await replier.deliverAnswer("*two*", to: address, replacing: placeholder, documentName: "answer-test.md")
            let messages = await fake.state.messages(inChat: chat)
            #expect(messages.map(\.text) == ["**one**", "*two*"])
            #expect(messages.allSatisfy { $0.html == nil })
        }
    }

    @Test("a 429 is waited out for retry_after seconds, then the message is delivered")
    func rateLimitedSend() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            await fake.inject(.tooManyRequests(retryAfter: 1), on: "sendMessage")
            let started = ContinuousClock.now
            let posted = await replier.send("hello", to: address)
            #expect(posted != nil)
            #expect(ContinuousClock.now - started >= .seconds(1))
            let calls = await fake.state.calls("sendMessage")
            #expect(calls.map(\.status) == [429, 200])
        }
    }

    @Test("5xx, dropped connections and unreadable answers are resent until delivered")
    func transientFailures() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            await fake.inject(.serverError(502), on: "sendMessage")
            await fake.inject(.dropConnection, on: "sendMessage")
            await fake.inject(.malformedBody, on: "sendMessage")
            let posted = await replier.send("persistent", to: address)
            #expect(posted != nil)
            #expect(await fake.state.messages(inChat: chat).map(\.text) == ["persistent"])
            #expect(await fake.state.calls("sendMessage").count == 4)
        }
    }

    @Test("a send that keeps failing gives up after the policy's retries and returns nil")
    func givesUp() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            await fake.inject(.serverError(500), on: "sendMessage", count: 10)
            #expect(await replier.send("lost", to: address) == nil)
            #expect(await fake.state.calls("sendMessage").count == 4)
        }
    }

    @Test("editing to the same text is a success, not a new message")
    func notModifiedIsSuccess() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            let posted = try #require(await replier.send("⏳ Working…", to: address))
            await replier.edit(posted, text: "⏳ Working…")
            let edits = await fake.state.calls("editMessageText")
            #expect(edits.first?.errorDescription?.contains("message is not modified") == true)
            #expect(await fake.state.messages(inChat: chat).count == 1)
            #expect(await fake.state.calls("sendMessage").count == 1)
        }
    }

    @Test("an answer whose placeholder was deleted arrives as a new message")
    func deletedPlaceholder() async throws {
        try await FakeTelegramServer.withServer { fake in
            let api = fake.botAPI()
            let replier = TelegramReplier(api: api)
            let posted = try #require(await replier.send("⏳ Working…", to: address))
            try await api.deleteMessage(chatID: String(chat), messageID: try #require(Int64(posted.messageID)))
            await replier.deliverAnswer("answer", to: address, replacing: posted, documentName: "answer-test.md")
            #expect(await fake.state.messages(inChat: chat).map(\.text) == ["answer"])
        }
    }

    @Test("plain text longer than 4096 goes as several messages; an overlong edit is cut with a note")
    func longPlainText() async throws {
        try await FakeTelegramServer.withServer { fake in
            let replier = TelegramReplier(api: fake.botAPI())
            let posted = try #require(await replier.send(String(repeating: "b", count: 5000), to: address))
            await replier.edit(posted, text: String(repeating: "c", count: 5000))
            let texts = await fake.state.messages(inChat: chat).map(\.text)
            #expect(texts.count == 2)
            #expect(texts[0].hasPrefix("ccc") && texts[0].contains("output truncated"))
            #expect(texts[0].utf16.count <= 4096)
            #expect(texts[1] == String(repeating: "b", count: 904))
        }
    }

    @Test("showWorking sends the typing action")
    func typing() async throws {
        try await FakeTelegramServer.withServer { fake in
            await TelegramReplier(api: fake.botAPI()).showWorking(in: address)
            let call = try await fake.waitForMethod("sendChatAction")
            #expect(call.parameters["action"] == "typing")
            #expect(call.chatID == String(chat))
        }
    }

    @Test("an empty answer still tells the user something")
    func emptyAnswer() {
        #expect(TelegramReplier.answerParts(of: " \n ") == [.plain(JobMessages.noAnswer)])
    }
}
