import Foundation
import Synchronization

/// What a job did lately, newest last (SPEC §17): the runner notes claude's tool calls and text, Claudio's own tools
/// note the files they sent. Only the last `capacity` events are kept, so a long job's memory stays small.
final class JobActivity: Sendable {
    static let capacity = 20

    private let events = Mutex<[JobActivityEvent]>([])

    /// The kept events, oldest first.
    var recent: [JobActivityEvent] { events.withLock { $0 } }

    func record(_ event: JobActivityEvent) {
        events.withLock { events in
            events.append(event)
            if events.count > Self.capacity { events.removeFirst(events.count - Self.capacity) }
        }
    }

    func record(_ kind: JobActivityEvent.Kind, _ summary: String, at date: Date = Date()) {
        record(JobActivityEvent(at: date, kind: kind, summary: summary))
    }
}
