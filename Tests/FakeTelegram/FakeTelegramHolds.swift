/// Calls the fake keeps waiting on purpose, so a test can look at the bot while a send is stuck or before a poll
/// confirms anything — or kill the bot then — without sleeping and hoping.
package struct FakeTelegramHolds: Sendable {
    /// What a held call does once let go.
    package enum Release: Sendable {
        /// Carries on as if it had never waited.
        case proceed
        /// Answers with a dropped connection and does nothing, as if the bot had died before the call arrived.
        case drop
    }

    /// Chats whose `sendMessage` and `editMessageText` calls wait.
    var sendChats: Set<Int64> = []
    /// Every chat's sends wait.
    var allSends = false
    /// `getUpdates` calls with at least this offset wait before they confirm anything.
    var pollsFrom: Int64?
    var heldSends: [CheckedContinuation<Release, Never>] = []
    var heldPolls: [CheckedContinuation<Release, Never>] = []

    func holdsSend(toChat chatID: Int64?) -> Bool {
        allSends || chatID.map(sendChats.contains) == true
    }

    func holdsPoll(offset: Int64?) -> Bool {
        guard let pollsFrom else { return false }
        return (offset ?? 0) >= pollsFrom
    }
}
