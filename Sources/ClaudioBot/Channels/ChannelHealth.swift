import Foundation

/// A channel's connection state as the admin API and the console show it.
struct ChannelHealth: Sendable, Equatable {
    var connected: Bool
    /// The latest error, already free of secrets; nil once the channel recovered.
    var lastError: String?
    var lastErrorAt: Date?

    static let starting = ChannelHealth(connected: false, lastError: nil, lastErrorAt: nil)
}
