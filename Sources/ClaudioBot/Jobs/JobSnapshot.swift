import Foundation
import Shared

/// A queued or running job as the admin API shows it.
struct JobSnapshot: Sendable, Equatable {
    enum State: String, Sendable, Codable {
        case queued
        case running
    }

    var id: String
    var platform: Platform
    var chatID: String
    var userID: String
    var username: String?
    var state: State
    var pid: Int32?
    /// When it started running; when it was queued for a queued job.
    var startedAt: Date
    var elapsedSeconds: Double
    var processes: Int
    var promptExcerpt: String
}
