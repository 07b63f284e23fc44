import Foundation

/// A file shared through Slack's external upload flow, as the fake completed it.
struct FakeSlackFile: Sendable, Equatable {
    var id: String
    var name: String
    var data: Data
    var channel: String
    var threadTS: String?
    var comment: String?

    var text: String { String(decoding: data, as: UTF8.self) }
}
