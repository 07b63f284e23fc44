/// Why `POST /v1/reload` changed nothing: the env file is unreadable or one of its allowlists is invalid. The admin
/// API answers 422 with `message`, and the allowlists in force stay as they were.
struct AdminReloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Names the variable or file and what is wrong, e.g. "ALLOWED_USER_IDS: `12a` is not a numeric user ID".
    var message: String

    init(message: String) {
        self.message = message
    }

    var description: String { message }
}
