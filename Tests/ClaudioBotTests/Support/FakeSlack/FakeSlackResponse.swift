/// A post to a slash command's response URL.
struct FakeSlackResponse: Sendable, Equatable {
    /// The slash command delivery the URL belonged to.
    var commandID: String
    var text: String
    var responseType: String?
}
