import Shared
import Testing

@testable import ClaudioBot

@Suite("Rate limiter: sliding-window log per user")
struct RateLimiterTests {
    let alice = GateFixtures.telegramUser(1, username: "alice")
    let bob = GateFixtures.telegramUser(2, username: "bob")

    @Test("window 60 s, limit 2: the countdown is the time until the oldest prompt leaves, rounded up")
    func countdown() {
        var limiter = RateLimiter(limit: 2, window: .seconds(60))
        #expect(limiter.admit(user: alice, at: .zero) == .accepted)
        #expect(limiter.admit(user: alice, at: .seconds(10)) == .accepted)
        #expect(limiter.admit(user: alice, at: .seconds(15)) == .rejected(retryAfterSeconds: 45))
        #expect(limiter.admit(user: alice, at: .milliseconds(15_500)) == .rejected(retryAfterSeconds: 45))
        #expect(limiter.admit(user: alice, at: .milliseconds(15_001)) == .rejected(retryAfterSeconds: 45))
        #expect(limiter.admit(user: alice, at: .milliseconds(59_200)) == .rejected(retryAfterSeconds: 1))
        #expect(limiter.admit(user: alice, at: .milliseconds(59_999)) == .rejected(retryAfterSeconds: 1))
        #expect(limiter.admit(user: alice, at: .microseconds(60_000_100)) == .accepted)
        // Now counted: t=10 and t=60.0001; the next slot frees when t=10 leaves, at t=70.
        #expect(limiter.admit(user: alice, at: .seconds(65)) == .rejected(retryAfterSeconds: 5))
        #expect(limiter.admit(user: alice, at: .seconds(70)) == .accepted)
    }

    @Test("a prompt exactly one window old no longer counts")
    func windowBoundary() {
        var limiter = RateLimiter(limit: 1, window: .seconds(60))
        #expect(limiter.admit(user: alice, at: .seconds(5)) == .accepted)
        #expect(limiter.admit(user: alice, at: .seconds(65)) == .accepted)
    }

    @Test("rejected prompts are not recorded, so they never extend the wait")
    func rejectionsDoNotCount() {
        var limiter = RateLimiter(limit: 1, window: .seconds(10))
        #expect(limiter.admit(user: alice, at: .zero) == .accepted)
        for second in 1...9 {
            #expect(limiter.admit(user: alice, at: .seconds(second)) == .rejected(retryAfterSeconds: 10 - second))
        }
        #expect(limiter.admit(user: alice, at: .seconds(10)) == .accepted)
    }

    @Test("one user's limit never affects another, across platforms too")
    func perUserIsolation() {
        var limiter = RateLimiter(limit: 1, window: .seconds(60))
        let telegramOne = ChatUser(platform: .telegram, id: "1")
        let slackOne = ChatUser(platform: .slack, id: "1")
        #expect(limiter.admit(user: telegramOne, at: .zero) == .accepted)
        #expect(limiter.admit(user: telegramOne, at: .seconds(1)) == .rejected(retryAfterSeconds: 59))
        #expect(limiter.admit(user: slackOne, at: .seconds(1)) == .accepted)
        #expect(limiter.admit(user: bob, at: .seconds(1)) == .accepted)
    }

    @Test("expired timestamps are dropped: used falls as prompts leave the window and rejections reset")
    func expiredDropped() throws {
        var limiter = RateLimiter(limit: 2, window: .seconds(60))
        _ = limiter.admit(user: alice, at: .zero)
        _ = limiter.admit(user: alice, at: .seconds(30))
        _ = limiter.admit(user: alice, at: .seconds(31))
        #expect(limiter.entries(at: .seconds(31)).map(\.used) == [2])
        #expect(limiter.entries(at: .seconds(31)).map(\.rejected) == [1])
        #expect(limiter.entries(at: .seconds(61)).map(\.used) == [1])
        #expect(limiter.entries(at: .seconds(90)).isEmpty)

        #expect(limiter.admit(user: alice, at: .seconds(100)) == .accepted)
        let row = try #require(limiter.entries(at: .seconds(100)).first)
        #expect(row.used == 1)
        #expect(row.rejected == 0, "the rejection count is kept only while the user has entries")
    }

    @Test("100 000 distinct users, then one window later a single call leaves the table near-empty")
    func boundedByActiveUsers() {
        var limiter = RateLimiter(limit: 10, window: .seconds(60))
        for id in 0..<100_000 {
            _ = limiter.admit(user: ChatUser(platform: .telegram, id: String(id)), at: .milliseconds(id / 10))
        }
        #expect(limiter.trackedUserCount == 100_000)
        _ = limiter.admit(user: bob, at: .seconds(10 + 60))
        #expect(limiter.trackedUserCount <= 1)
        #expect(limiter.entries(at: .seconds(70)).map(\.userID) == ["2"])
    }

    @Test("entries carry the SPEC §6 fields: last username, used, limit, window, reset countdown, rejections")
    func entryRows() throws {
        var limiter = RateLimiter(limit: 2, window: .milliseconds(90_500))
        _ = limiter.admit(user: alice, at: .zero)
        _ = limiter.admit(user: ChatUser(platform: .telegram, id: "1", username: "alice_renamed"), at: .seconds(20))
        _ = limiter.admit(user: ChatUser(platform: .telegram, id: "1"), at: .seconds(21))
        _ = limiter.admit(user: bob, at: .seconds(30))

        let rows = limiter.entries(at: .seconds(40))
        #expect(rows.map(\.userID) == ["1", "2"], "most used first")
        let row = try #require(rows.first)
        #expect(row.platform == .telegram)
        #expect(row.username == "alice_renamed", "the last username seen, not forgotten by a message without one")
        #expect(row.used == 2)
        #expect(row.limit == 2)
        #expect(row.windowSeconds == 90.5)
        #expect(row.resetInSeconds == 51, "90.5 − 40 = 50.5, rounded up")
        #expect(row.rejected == 1)
    }

    @Test("the limit and window can change at runtime and apply to the next call")
    func runtimeLimits() {
        var limiter = RateLimiter(limit: 3, window: .seconds(60))
        for second in 0..<3 { _ = limiter.admit(user: alice, at: .seconds(second)) }
        limiter.limit = 1
        // Three counted, one allowed: a slot frees when all but zero are gone, i.e. when t=2 leaves at t=62.
        #expect(limiter.admit(user: alice, at: .seconds(10)) == .rejected(retryAfterSeconds: 52))
        limiter.window = .seconds(5)
        #expect(limiter.admit(user: alice, at: .seconds(10)) == .accepted)
    }

    @Test("the top rows are the first rows of the full list, in order, with the count of all", arguments: [0, 1, 7, 50, 500])
    func topEntriesArePrefixOfEntries(limit: Int) {
        var limiter = RateLimiter(limit: 5, window: .seconds(60))
        var generator = SystemRandomNumberGenerator()
        for index in 0..<300 {
            let user = GateFixtures.telegramUser(Int64.random(in: 1...120, using: &generator), username: nil)
            _ = limiter.admit(user: user, at: .milliseconds(index * 100))
        }
        _ = limiter.admit(user: ChatUser(platform: .slack, id: "U1"), at: .seconds(30))
        let now = Duration.seconds(40)
        let all = limiter.entries(at: now)
        let top = limiter.topEntries(at: now, limit: limit)
        #expect(top.rows == Array(all.prefix(limit)))
        #expect(top.total == all.count)
    }
}
