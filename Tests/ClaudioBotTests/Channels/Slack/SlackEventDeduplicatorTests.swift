import Testing

@testable import ClaudioBot

@Suite("Slack event deduplication")
struct SlackEventDeduplicatorTests {
    @Test("A key is new once, then a redelivery")
    func redeliveryIsSkipped() {
        var deduplicator = SlackEventDeduplicator(capacity: 8)
        let sightings = ["event:Ev1", "event:Ev1", "event:Ev2"].map { deduplicator.isFirstSighting(of: $0) }
        #expect(sightings == [true, false, true])
    }

    @Test("Memory stays bounded: the oldest keys are forgotten first")
    func bounded() {
        var deduplicator = SlackEventDeduplicator(capacity: 3)
        let first = ["a", "b", "c", "d"].map { deduplicator.isFirstSighting(of: $0) }
        #expect(first == [true, true, true, true])
        #expect(deduplicator.count == 3)
        let again = ["d", "b", "a"].map { deduplicator.isFirstSighting(of: $0) }
        #expect(again == [false, false, true])
    }
}
