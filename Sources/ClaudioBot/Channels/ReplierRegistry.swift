import Shared
import Synchronization

/// The outbound side of each running channel, looked up by platform. Channels register when they start, so the job
/// engine can be built before them.
final class ReplierRegistry: Sendable {
    private let repliers = Mutex<[Platform: any ChatReplier]>([:])

    init() {}

    func register(_ replier: any ChatReplier, for platform: Platform) {
        repliers.withLock { $0[platform] = replier }
    }

    func replier(for platform: Platform) -> (any ChatReplier)? {
        repliers.withLock { $0[platform] }
    }
}
