import FakeTelegram
import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Claude sends files to the chat through the built binary and the fake Bot API (SPEC §14)", .serialized)
struct TelegramSendFileEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser

    @Test("an image arrives by sendPhoto and a report by sendDocument, with captions; no question is asked about the tool")
    func photoAndDocument() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let workspace = harness.directory.path
            try Data("PNG fake image".utf8).write(to: URL(fileURLWithPath: workspace + "/chart.png"))
            try FileManager.default.createDirectory(atPath: workspace + "/out", withIntermediateDirectories: true)
            try Data("# Report\nall good\n".utf8).write(to: URL(fileURLWithPath: workspace + "/out/report.md"))
            // Tool approval on: claude asks about send_file too, and Claudio answers for its own tool.
            _ = try await harness.start(["SKIP_PERMISSIONS": "false"])

            await fake.sendText("SENDFILE chart.png the chart", from: user)
            let photo = try await fake.waitForCall("the chart by sendPhoto") { $0.method == "sendPhoto" && $0.succeeded }
            #expect(photo.chatID == String(user))
            #expect(photo.parameters["photo.filename"] == "chart.png" && photo.parameters["caption"] == "the chart")
            try await fake.waitForText("sendfile: sent chart.png (14 bytes) to the chat", inChat: user)

            await fake.sendText("SENDFILE out/report.md", from: user)
            let document = try await fake.waitForCall("the report by sendDocument") {
                $0.method == "sendDocument" && $0.succeeded
            }
            #expect(document.parameters["document.filename"] == "report.md")
            #expect(document.parameters["document"] == "# Report\nall good\n")
            try await fake.waitForText("sendfile: sent report.md (18 bytes) to the chat", inChat: user)
            let texts = await fake.state.messages(inChat: user).map(\.text)
            #expect(!texts.contains { $0.contains("🔐") }, "a question was asked: \(texts)")
        }
    }

    @Test("a file outside the workspace never reaches the chat; claude is told why")
    func outsideTheWorkspace() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            try Data("secret".utf8).write(to: URL(fileURLWithPath: harness.claude.record.path + "/secret.txt"))
            _ = try await harness.start()
            await fake.sendText("SENDFILE \(harness.claude.record.path)/secret.txt", from: user)
            try await fake.waitForText("sendfile error: could not send", inChat: user)
            let calls = await fake.state.calls.map(\.method)
            #expect(!calls.contains("sendDocument") && !calls.contains("sendPhoto"))
        }
    }
}
