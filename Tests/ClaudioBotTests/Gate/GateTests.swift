import Foundation
import Shared
import Testing
import ClaudioTestSupport

@testable import ClaudioBot

@Suite("Gate: authorization, denial replies and records, rate limit then validation")
struct GateTests {
    let clock = TestClock()
    let alice = GateFixtures.telegramUser(1, username: "alice")
    let mallory = GateFixtures.telegramUser(666, username: "mallory")
    let deniedReply = "❌ Access denied — you are not authorized to use this bot."

    func gate(limit: Int = 2, window: Duration = .seconds(60), maxInput: Int = 100, sink: (any DeniedRecordSink)? = nil) -> Gate {
        Gate(
            allowLists: AllowLists(telegram: [1], slack: ["U1"]),
            rateLimitRequests: limit, rateLimitWindow: window, maxInputLength: maxInput,
            clock: AnyClock(clock), deniedSink: sink)
    }

    @Test("an allowed user passes; anyone else is denied with the exact reply and a record")
    func checkAccess() async throws {
        let gate = gate()
        let before = Date()
        #expect(await gate.checkAccess(GateFixtures.message(from: alice)) == .allowed)
        #expect(await gate.checkAccess(GateFixtures.message(from: mallory, text: "hi\nthere")) == .denied(reply: deniedReply))
        let record = try #require(await gate.deniedRecords().first)
        #expect(record.reason == .notAllowed)
        #expect(record.userID == "666")
        #expect(record.excerpt == "hi there")
        #expect(record.at >= before && record.at <= Date(), "recorded in wall time")
    }

    @Test("a Slack Connect user with an empty Slack list is denied with the usual reply, recorded as other_workspace")
    func otherWorkspaceDenied() async throws {
        let gate = Gate(
            allowLists: AllowLists(telegram: [1], slack: []), rateLimitRequests: 2, rateLimitWindow: .seconds(60),
            maxInputLength: 100, clock: AnyClock(clock))
        let member = ChatUser(platform: .slack, id: "U0ANYONE")
        let guest = ChatUser(platform: .slack, id: "U0GUEST", foreignTeamID: "T0OTHER")
        #expect(await gate.judge(GateFixtures.message(from: member), asking: .prompt) == .allowed)
        #expect(await gate.judge(GateFixtures.message(from: guest), asking: .prompt) == .denied(reply: deniedReply))
        let record = try #require(await gate.deniedRecords().first)
        #expect(record.reason == .otherWorkspace)
        #expect(record.userID == "U0GUEST")
    }

    @Test("a flood of 100 000 denied messages from one user: 1–2 records and exactly one reply per 60 s")
    func singleUserFlood() async {
        let gate = gate()
        var replies: [Duration] = []
        for _ in 0..<100_000 {
            if case .denied(let reply?) = await gate.checkAccess(GateFixtures.message(from: mallory)) {
                #expect(reply == deniedReply)
                replies.append(clock.now.offset)
            }
            _ = clock.advance(by: .milliseconds(1))
        }
        #expect(replies == [.zero, .seconds(60)], "100 s of flood: answered at 0 s and 60 s only")
        let records = await gate.deniedRecords()
        #expect((1...2).contains(records.count))
        #expect(records.map(\.count).reduce(0, +) == 100_000)
    }

    @Test("a flood from 100 000 distinct users keeps memory bounded")
    func distinctUserFlood() async {
        let gate = gate()
        for id in 0..<100_000 {
            _ = await gate.checkAccess(GateFixtures.message(from: ChatUser(platform: .slack, id: "UX\(id)")))
            if id % 10 == 0 { _ = clock.advance(by: .milliseconds(1)) }
        }
        #expect(await gate.deniedRecords(limit: 1000).count == DeniedAccessLog.defaultCapacity)
        _ = clock.advance(by: .seconds(61))
        _ = await gate.checkAccess(GateFixtures.message(from: mallory))
        let counts = await gate.trackedEntryCounts()
        #expect(counts.openDeniedRecords == 1)
        #expect(counts.throttledUsers == 1)
        #expect(counts.recentDeniedRecords == DeniedAccessLog.defaultCapacity)
    }

    @Test("an unauthorized /myid is recorded with reason myid; an authorized one is not recorded")
    func myID() async {
        let gate = gate()
        #expect(await gate.recordMyIDRequest(GateFixtures.message(from: alice, text: "/myid")))
        #expect(await gate.deniedRecords().isEmpty)
        #expect(await !gate.recordMyIDRequest(GateFixtures.message(from: mallory, text: "/myid")))
        #expect(await gate.deniedRecords().map(\.reason) == [.myID])
    }

    @Test("the rate-limit reply names the wait, the limit and the window exactly")
    func rateLimitReply() async {
        let gate = gate(limit: 2, window: .seconds(60))
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: "one")) == .accepted(prompt: "one"))
        _ = clock.advance(by: .seconds(10))
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: "two")) == .accepted(prompt: "two"))
        _ = clock.advance(by: .seconds(5))
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice)) == .rateLimited(
            reply: "⏱️ Rate limit exceeded — please wait 45 seconds (limit: 2 requests per 60 seconds)."))
        let entries = await gate.rateLimitEntries()
        #expect(entries.map(\.rejected) == [1])
        #expect(entries.map(\.username) == ["alice"])
    }

    @Test("a fractional window is printed as configured")
    func fractionalWindow() async {
        let gate = gate(limit: 1, window: .milliseconds(2500))
        _ = await gate.admitPrompt(GateFixtures.message(from: alice))
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice)) == .rateLimited(
            reply: "⏱️ Rate limit exceeded — please wait 3 seconds (limit: 1 requests per 2.5 seconds)."))
    }

    @Test("the rate limit is checked before validation: a refused prompt still took its slot")
    func rateLimitBeforeValidation() async {
        let gate = gate(limit: 1, maxInput: 5)
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: "toolong")) == .invalid(
            reply: "❌ Message too long: 7 characters (max 5)."))
        if case .rateLimited = await gate.admitPrompt(GateFixtures.message(from: alice, text: "   ")) {
        } else {
            Issue.record("the second prompt should be rate limited before its emptiness is noticed")
        }
        _ = clock.advance(by: .seconds(60))
        #expect(await gate.admitPrompt(GateFixtures.message(from: alice, text: " \n")) == .invalid(
            reply: "Please send a prompt — the message was empty."))
    }

    @Test("a reload may narrow or change a Slack list, never open a restricted one to everyone")
    func reloadCannotOpenSlack() async {
        let gate = gate()
        #expect(await gate.applyReloadedAllowLists(AllowLists(telegram: [1], slack: ["U1", "U2"])))
        #expect(!(await gate.applyReloadedAllowLists(AllowLists(telegram: [1, 2], slack: []))))
        #expect(await gate.allowLists() == AllowLists(telegram: [1], slack: ["U1", "U2"]), "nothing changed")
        let open = Gate(
            allowLists: AllowLists(telegram: [1], slack: []), rateLimitRequests: 1, rateLimitWindow: .seconds(1),
            maxInputLength: 1)
        #expect(await open.applyReloadedAllowLists(AllowLists(telegram: [1], slack: [])), "already everyone")
    }

    @Test("reloaded allowlists apply to the next message")
    func reload() async {
        let gate = gate()
        #expect(await gate.checkAccess(GateFixtures.message(from: mallory)) != .allowed)
        await gate.replaceAllowLists(AllowLists(telegram: [666], slack: []))
        #expect(await gate.allowLists() == AllowLists(telegram: [666], slack: []))
        #expect(await gate.checkAccess(GateFixtures.message(from: mallory)) == .allowed)
        #expect(await gate.checkAccess(GateFixtures.message(from: alice)) != .allowed)
        #expect(await gate.checkAccess(GateFixtures.message(from: ChatUser(platform: .slack, id: "UANY"))) == .allowed)
    }

    @Test("after a flush the store holds every record as the gate last saw it, first written in the order made")
    func sinkReceivesRecords() async {
        let sink = RecordingDeniedSink()
        let gate = gate(sink: sink)
        _ = await gate.checkAccess(GateFixtures.message(from: mallory, text: "first"))
        _ = clock.advance(by: .seconds(1))
        _ = await gate.recordMyIDRequest(GateFixtures.message(from: mallory, text: "/myid"))
        _ = clock.advance(by: .seconds(1))
        _ = await gate.checkAccess(GateFixtures.message(from: mallory, text: "again"))
        await gate.flushDeniedRecords()

        // A version still waiting when the record changes is replaced by the newer one, so how many versions the
        // store sees depends on its speed; the last version of each record and their order do not.
        let stored = await sink.stored
        var lastVersion: [String: DeniedRecord] = [:]
        var firstWritten: [String] = []
        for record in stored {
            if lastVersion.updateValue(record, forKey: record.id) == nil { firstWritten.append(record.id) }
        }
        let made = await gate.deniedRecords()
        #expect(made.map(\.reason) == [.notAllowed, .myID], "newest first: the not_allowed record was touched last")
        #expect(made.map(\.count) == [2, 1])
        #expect(firstWritten == made.sorted { $0.at < $1.at }.map(\.id))
        #expect(made.allSatisfy { lastVersion[$0.id] == $0 })
    }
}
