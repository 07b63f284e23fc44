import Shared

/// One row of the admin API's `rate_limits[]` (SPEC §6): a user with prompts inside the current window.
struct RateLimitEntry: Sendable, Equatable, Codable {
    var platform: Platform
    var userID: String
    /// The last username the user was seen with, if any.
    var username: String?
    /// Prompts counted in the current window.
    var used: Int
    var limit: Int
    var windowSeconds: Double
    /// Whole seconds (rounded up) until the oldest counted prompt leaves the window, i.e. until `used` next drops.
    /// For a user at the limit this is exactly the wait the rejection reply names.
    var resetInSeconds: Int
    /// Prompts rejected since the user's log was last empty.
    var rejected: Int

    var key: UserKey { UserKey(platform: platform, userID: userID) }

    enum CodingKeys: String, CodingKey {
        case platform
        case userID = "user_id"
        case username
        case used
        case limit
        case windowSeconds = "window_seconds"
        case resetInSeconds = "reset_in_seconds"
        case rejected
    }
}
