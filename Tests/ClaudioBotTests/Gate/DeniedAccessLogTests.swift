import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Denied-access log: folding, bounded memory, excerpts, forwarding to the store")
struct DeniedAccessLogTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let mallory = GateFixtures.telegramUser(666, username: "mallory")

    func time(_ seconds: Double) -> GateTime {
        GateTime(wall: start.addingTimeInterval(seconds), monotonic: .milliseconds(Int64(seconds * 1000)))
    }

    @Test("repeats by the same user within 60 s of the last one fold into one record")
    func folding() throws {
        var log = DeniedAccessLog()
        let first = log.record(GateFixtures.message(from: mallory, text: "let me in", chatID: "c1"), reason: .notAllowed, at: time(0))
        log.record(GateFixtures.message(from: mallory, text: "please"), reason: .notAllowed, at: time(50))
        log.record(GateFixtures.message(from: mallory, text: "now?"), reason: .notAllowed, at: time(100))

        let records = log.recent(limit: 50)
        #expect(records.count == 1, "each repeat came within 60 s of the previous one")
        let record = try #require(records.first)
        #expect(record.id == first.id)
        #expect(record.count == 3)
        #expect(record.at == start)
        #expect(record.lastAt == start.addingTimeInterval(100))
        #expect(record.platform == .telegram)
        #expect(record.userID == "666")
        #expect(record.username == "mallory")
        #expect(record.chatID == "c1")
        #expect(record.reason == .notAllowed)
        #expect(record.excerpt == "let me in")
    }

    @Test("a repeat more than 60 s after the last one starts a new record")
    func newRecordAfterInterval() {
        var log = DeniedAccessLog()
        log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(0))
        log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(61))
        let records = log.recent(limit: 50)
        #expect(records.map(\.count) == [1, 1])
        #expect(records.map(\.at) == [start.addingTimeInterval(61), start], "newest first")
        #expect(Set(records.map(\.id)).count == 2)
    }

    @Test("a different reason or a different user keeps a separate record")
    func separateKeys() {
        var log = DeniedAccessLog()
        log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(0))
        log.record(GateFixtures.message(from: mallory, text: "/myid"), reason: .myID, at: time(1))
        log.record(GateFixtures.message(from: ChatUser(platform: .slack, id: "666")), reason: .notAllowed, at: time(2))
        log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(3))
        let records = log.recent(limit: 50)
        #expect(records.count == 3)
        #expect(records.map(\.reason) == [.notAllowed, .notAllowed, .myID])
        #expect(records.map(\.platform) == [.telegram, .slack, .telegram])
        #expect(records.map(\.count) == [2, 1, 1])
    }

    @Test("100 000 messages from distinct users: the list is capped and idle folding state is dropped")
    func distinctFloodIsBounded() {
        var log = DeniedAccessLog()
        for id in 0..<100_000 {
            let user = ChatUser(platform: .slack, id: "U\(id)")
            log.record(GateFixtures.message(from: user), reason: .notAllowed, at: time(Double(id) / 10_000))
        }
        #expect(log.recentCount == DeniedAccessLog.defaultCapacity)
        #expect(log.recent(limit: 1).first?.userID == "U99999")
        log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(75))
        #expect(log.openRecordCount == 1)
        #expect(log.recentCount == DeniedAccessLog.defaultCapacity)
    }

    @Test("records seeded from the store are shown newest first and capped")
    func seed() {
        let seeded = (0..<600).map { index in
            DeniedRecord(
                id: "seed-\(index)", at: start.addingTimeInterval(Double(index)),
                lastAt: start.addingTimeInterval(Double(index)), platform: .telegram, userID: "\(index)",
                username: nil, chatID: "\(index)", reason: .notAllowed, excerpt: "", count: 1)
        }
        let log = DeniedAccessLog(seed: seeded.shuffled())
        #expect(log.recentCount == 500)
        #expect(log.recent(limit: 2).map(\.id) == ["seed-599", "seed-598"])
    }

    @Test("the sink receives each new or updated record, in order")
    func sinkOrder() async {
        let sink = RecordingDeniedSink()
        var log = DeniedAccessLog(sink: sink)
        let alice = GateFixtures.telegramUser(1)
        let a1 = log.record(GateFixtures.message(from: alice), reason: .notAllowed, at: time(0))
        var arrivals = sink.arrivals.makeAsyncIterator()
        #expect(await arrivals.next() == a1)
        let b1 = log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(1))
        #expect(await arrivals.next() == b1)
        let a2 = log.record(GateFixtures.message(from: alice), reason: .notAllowed, at: time(2))
        #expect(await arrivals.next() == a2)
        #expect(a2.id == a1.id && a2.count == 2)
        await log.flush()
        #expect(await sink.stored == [a1, b1, a2])
    }

    @Test("behind a slow store, waiting versions of a record are replaced by the newest, order kept")
    func slowSinkCoalesces() async {
        let sink = RecordingDeniedSink(holdingFirstStore: true)
        var log = DeniedAccessLog(sink: sink)
        let first = log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(0))
        var arrivals = sink.arrivals.makeAsyncIterator()
        #expect(await arrivals.next() == first)  // now held inside the store

        for second in 1...1000 {
            log.record(GateFixtures.message(from: mallory), reason: .notAllowed, at: time(Double(second) / 100))
        }
        let other = log.record(GateFixtures.message(from: GateFixtures.telegramUser(7)), reason: .notAllowed, at: time(11))
        let latest = log.record(GateFixtures.message(from: mallory), reason: .myID, at: time(12))
        await sink.release()
        await log.flush()

        let stored = await sink.stored
        #expect(stored.count == 4)
        #expect(stored.map(\.count) == [1, 1001, 1, 1])
        #expect(stored.map(\.id) == [first.id, first.id, other.id, latest.id])
    }
}
