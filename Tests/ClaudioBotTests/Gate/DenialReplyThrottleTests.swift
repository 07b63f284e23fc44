import Shared
import Testing

@testable import ClaudioBot

@Suite("Denial reply throttle: one access-denied reply per user per 60 s")
struct DenialReplyThrottleTests {
    let mallory = UserKey(platform: .telegram, userID: "666")

    @Test("a user is answered once, then not again until 60 s have passed")
    func oncePerInterval() {
        var throttle = DenialReplyThrottle()
        #expect(throttle.shouldReply(to: mallory, at: .zero) == true)
        #expect(throttle.shouldReply(to: mallory, at: .seconds(1)) == false)
        #expect(throttle.shouldReply(to: mallory, at: .milliseconds(59_999)) == false)
        #expect(throttle.shouldReply(to: mallory, at: .seconds(60)) == true)
        #expect(throttle.shouldReply(to: mallory, at: .seconds(61)) == false)
    }

    @Test("users are throttled separately, across platforms too")
    func perUser() {
        var throttle = DenialReplyThrottle()
        #expect(throttle.shouldReply(to: mallory, at: .zero) == true)
        #expect(throttle.shouldReply(to: UserKey(platform: .slack, userID: "666"), at: .zero) == true)
        #expect(throttle.shouldReply(to: UserKey(platform: .telegram, userID: "667"), at: .zero) == true)
    }

    @Test("users answered more than 60 s ago are forgotten")
    func bounded() {
        var throttle = DenialReplyThrottle()
        for id in 0..<100_000 {
            _ = throttle.shouldReply(to: UserKey(platform: .slack, userID: "U\(id)"), at: .microseconds(id * 100))
        }
        #expect(throttle.trackedUserCount == 100_000)
        #expect(throttle.shouldReply(to: mallory, at: .seconds(71)) == true)
        #expect(throttle.trackedUserCount == 1)
    }
}
