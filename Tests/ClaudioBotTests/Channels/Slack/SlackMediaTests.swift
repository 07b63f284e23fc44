import ClaudioTestSupport
import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// Slack file shares in this process against the fake Slack and a fake transcription service.
@Suite("Slack audio clips and files (SPEC §15)")
struct SlackMediaTests {
    private static func run(
        _ body: @Sendable @escaping (SlackChannelHarness, FakeTranscriptionServer, ScratchDirectory) async throws -> Void
    ) async throws {
        let workspace = try ScratchDirectory()
        defer { workspace.remove() }
        try await FakeTranscriptionServer.withServer { transcription in
            try await FakeSlack.withServer { slack in
                let environment = ["WORKSPACE_PATH": workspace.path, "TRANSCRIPTION_API_URL": transcription.baseURL]
                try await SlackChannelHarness.with(slack: slack, environment: environment) { harness in
                    #expect(await slack.waitForConnections(1))
                    try await body(harness, transcription, workspace)
                }
            }
        }
    }

    @Test("an audio clip is downloaded with the bot token, transcribed, shown in the thread and run")
    func audioClip() async throws {
        try await Self.run { harness, transcription, _ in
            let slack = harness.slack
            let delivery = try await slack.sendFileShare([.audioClip(saying: "how big is the repo")], from: "U0ALICE")
            let thread = await harness.waitForThread(try #require(delivery.ts), in: delivery.channel) {
                $0.hasPrefix("echo:")
            }
            #expect(thread == ["🎤 how big is the repo", "echo: how big is the repo"])
            #expect(await slack.record.downloads.map(\.authorized) == [true])
            #expect(await transcription.state.requests.map(\.fileName) == ["voice.webm"])
        }
    }

    @Test("shared files are saved, each named on its own line before the message")
    func files() async throws {
        try await Self.run { harness, _, workspace in
            let slack = harness.slack
            let delivery = try await slack.sendFileShare(
                [.document("todo.md", "- ship it"), .document("todo.md", "- test it")], text: "merge these",
                from: "U0ALICE")
            let folder = UploadsToday.folder
            let thread = await harness.waitForThread(try #require(delivery.ts), in: delivery.channel) {
                $0.hasPrefix("echo:")
            }
            let answer = try #require(thread?.last)
            #expect(answer.contains("[uploaded: \(folder)/todo.md, 9 bytes]"))
            #expect(answer.contains("[uploaded: \(folder)/todo-2.md, 9 bytes]"))
            #expect(answer.hasSuffix("merge these"))
            #expect(try String(contentsOfFile: "\(workspace.path)/\(folder)/todo-2.md", encoding: .utf8) == "- test it")
        }
    }

    @Test("a stranger's file share is denied and never downloaded")
    func stranger() async throws {
        try await Self.run { harness, transcription, _ in
            let slack = harness.slack
            let delivery = try await slack.sendFileShare([.audioClip(saying: "let me in")], from: "U0MALLORY")
            let denied = await slack.waitFor { record in
                record.posts.first { $0.channel == delivery.channel && $0.text.contains("Access denied") }
            }
            #expect(denied != nil)
            #expect(await slack.record.downloads.isEmpty)
            #expect(await transcription.state.requests.isEmpty)
        }
    }
}
