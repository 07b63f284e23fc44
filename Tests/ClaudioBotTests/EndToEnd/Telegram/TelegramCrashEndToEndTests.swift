import Foundation
import Shared
import Testing

@testable import ClaudioBot

/// SPEC §18 "No update is confirmed before it is safe", through the built binary killed with SIGKILL at the moments
/// that matter, then started again.
@Suite("Telegram through the binary: a crash loses no prompt and runs none twice", .serialized)
struct TelegramCrashEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    private let group: Int64 = -100_777

    @Test("SIGKILL with one prompt running and two queued: after a restart the queued ones run once, the running one's sender is told")
    func killedWithRunningAndQueued() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let first = try await harness.start()
            var updates = [await fake.sendText("SLEEP first", from: user)]
            #expect(await ProcessLiveness.waitUntil { harness.prompts.contains("SLEEP first") })
            updates.append(await fake.sendText("second", from: user))
            updates.append(await fake.sendText("third", from: user))
            try await fake.waitForText("Queued — position 2", inChat: user)
            await first.crash()
            // Telegram offering them again must change nothing: they are stored, and the stored offset is past them.
            for update in updates { await fake.state.redeliver(updateID: update) }

            let second = try await harness.start()
            let notice = try await fake.waitForText("was not run again", inChat: user, timeout: .seconds(30))
            #expect(notice.text?.contains("SLEEP first") == true)
            try await fake.waitForText("echo: second", inChat: user)
            try await fake.waitForText("echo: third", inChat: user)
            await fake.sendText("fourth", from: user)
            try await fake.waitForText("echo: fourth", inChat: user)
            #expect(harness.prompts.sorted() == ["SLEEP first", "fourth", "second", "third"])
            #expect(second.stderr.contains("telegram: 3 stored prompts found, 2 resumed"), "\(second.stderr)")
            #expect(await second.terminate().code == 0)
        }
    }

    @Test("SIGKILL while another chat's stuck send holds the offset back: the stored prompts Telegram offers again do not run again")
    func killedWhileTheOffsetIsHeldBack() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let first = try await harness.start()
            await fake.state.holdSends(toChat: user)
            let help = await fake.sendText("/help", from: user)
            #expect(await ProcessLiveness.waitUntil { await fake.state.heldSendCount == 1 })
            let one = await fake.sendText("SLEEP one", from: user, chatID: group, chatType: "supergroup")
            #expect(await ProcessLiveness.waitUntil { harness.prompts.contains("SLEEP one") })
            let two = await fake.sendText("two", from: user, chatID: group, chatType: "supergroup")
            try await fake.waitForText("Queued — position 1", inChat: group)
            #expect(await fake.state.confirmedOffset <= help, "confirmed past an update still being handled")
            await first.crash()
            await fake.state.releaseSends(.drop)

            let second = try await harness.start()
            // /help was never answered, so it is handled again; the two stored prompts are skipped.
            try await fake.waitForText("/new — start a new conversation", inChat: user, timeout: .seconds(30))
            try await fake.waitForText("was not run again", inChat: group)
            try await fake.waitForText("echo: two", inChat: group)
            await fake.sendText("three", from: user, chatID: group, chatType: "supergroup")
            try await fake.waitForText("echo: three", inChat: group)
            #expect(harness.prompts.sorted() == ["SLEEP one", "three", "two"])
            for update in [one, two] {
                #expect(second.stderr.contains("Telegram update \(update) is in the intake already"))
            }
        }
    }

    @Test("SIGKILL after the offset is stored but before the poll that confirms it: nothing is lost, nothing runs twice")
    func killedBeforeTheConfirmingPoll() async throws {
        try await TelegramDaemonHarness.with { harness in
            let fake = harness.fake
            let first = try await harness.start()
            let (a, b) = await fake.state.batch { state in
                let a = state.enqueueMessage(text: "SLEEP a", from: 42)
                let b = state.enqueueMessage(text: "b", from: 42)
                // The poll that would confirm both waits, unanswered, until the daemon is dead.
                state.holdPolls(from: b + 1)
                return (a, b)
            }
            #expect(await ProcessLiveness.waitUntil { harness.prompts.contains("SLEEP a") })
            try await fake.waitForText("Queued — position 1", inChat: user)
            #expect(await ProcessLiveness.waitUntil { await fake.state.heldPollCount == 1 })
            #expect(await fake.state.confirmedOffset <= b)
            await first.crash()
            await fake.state.releasePolls(.drop)
            for update in [a, b] { await fake.state.redeliver(updateID: update) }

            let mark = await fake.mark()
            _ = try await harness.start()
            let poll = try await fake.waitForMethod("getUpdates", after: mark)
            #expect(poll.parameters["offset"] == String(b + 1), "the restart resumes from the stored offset")
            try await fake.waitForText("was not run again", inChat: user, timeout: .seconds(30))
            try await fake.waitForText("echo: b", inChat: user)
            await fake.sendText("c", from: user)
            try await fake.waitForText("echo: c", inChat: user)
            #expect(harness.prompts.sorted() == ["SLEEP a", "b", "c"])
        }
    }
}
