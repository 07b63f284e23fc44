/// Holding sends and polls (see `FakeTelegramHolds`).
extension FakeTelegramState {
    /// Later `sendMessage` and `editMessageText` calls to `chatID` (to every chat when nil) wait until
    /// `releaseSends(_:)`. A held call is recorded only once it is answered; `heldSendCount` counts the waiting ones.
    package func holdSends(toChat chatID: Int64? = nil) {
        if let chatID { holds.sendChats.insert(chatID) } else { holds.allSends = true }
    }

    /// Stops holding sends and lets the waiting ones go.
    package func releaseSends(_ release: FakeTelegramHolds.Release = .proceed) {
        holds.sendChats = []
        holds.allSends = false
        let held = holds.heldSends
        holds.heldSends = []
        held.forEach { $0.resume(returning: release) }
    }

    package var heldSendCount: Int { holds.heldSends.count }

    /// Later `getUpdates` calls with an offset of at least `offset` are recorded on arrival, then wait before they
    /// confirm or return anything until `releasePolls(_:)`.
    package func holdPolls(from offset: Int64) {
        holds.pollsFrom = offset
    }

    package func releasePolls(_ release: FakeTelegramHolds.Release = .proceed) {
        holds.pollsFrom = nil
        let held = holds.heldPolls
        holds.heldPolls = []
        held.forEach { $0.resume(returning: release) }
    }

    package var heldPollCount: Int { holds.heldPolls.count }

    /// Waits while a hold applies to this call; nil when it may go on, else how it was let go.
    func waitIfHeld(method: String, parameters: [String: FakeTelegramJSON]) async -> FakeTelegramHolds.Release {
        switch method {
        case "sendMessage", "editMessageText":
            let chatID = parameters["chat_id"].flatMap { Int64($0.text) }
            guard !closed, holds.holdsSend(toChat: chatID) else { return .proceed }
            return await withCheckedContinuation { holds.heldSends.append($0) }
        case "getUpdates":
            let offset = parameters["offset"].flatMap { Int64($0.text) }
            guard !closed, holds.holdsPoll(offset: offset) else { return .proceed }
            return await withCheckedContinuation { holds.heldPolls.append($0) }
        default:
            return .proceed
        }
    }
}
