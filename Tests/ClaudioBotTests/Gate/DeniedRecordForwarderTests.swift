import Shared
import Foundation
import Testing

@testable import ClaudioBot

@Suite("Denied-record forwarder: ordered, non-blocking hand-off to the store")
struct DeniedRecordForwarderTests {
    func record(_ id: String, count: Int = 1) -> DeniedRecord {
        DeniedRecord(
            id: id, at: Date(timeIntervalSince1970: 0), lastAt: Date(timeIntervalSince1970: Double(count)),
            platform: .slack, userID: "U\(id)", username: nil, chatID: "C1", reason: .notAllowed, excerpt: "", count: count)
    }

    @Test("flushing with nothing forwarded returns at once")
    func emptyFlush() async {
        let sink = RecordingDeniedSink()
        await DeniedRecordForwarder(sink: sink).flush()
        #expect(await sink.stored.isEmpty)
    }

    @Test("records are stored in the order forwarded")
    func order() async {
        let sink = RecordingDeniedSink()
        let forwarder = DeniedRecordForwarder(sink: sink)
        for id in 0..<200 { forwarder.forward(record("r\(id)")) }
        await forwarder.flush()
        #expect(await sink.stored.map(\.id) == (0..<200).map { "r\($0)" })
    }

    @Test("behind a stalled store at most maxPending records wait; the oldest are dropped and counted")
    func boundedWhileStalled() async {
        let sink = RecordingDeniedSink(holdingFirstStore: true)
        let forwarder = DeniedRecordForwarder(sink: sink, maxPending: 3)
        forwarder.forward(record("held"))
        var arrivals = sink.arrivals.makeAsyncIterator()
        #expect(await arrivals.next()?.id == "held")

        for id in 0..<5 { forwarder.forward(record("r\(id)")) }
        forwarder.forward(record("r4", count: 2))
        #expect(forwarder.droppedCount == 2)
        await sink.release()
        await forwarder.flush()
        #expect(await sink.stored.map(\.id) == ["held", "r2", "r3", "r4"])
        #expect(await sink.stored.last?.count == 2)
    }
}
