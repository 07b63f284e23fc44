/// One Bot API call the fake received, as it was answered.
struct FakeTelegramCall: Sendable, CustomStringConvertible {
    /// Position among all calls, from 0: wait for calls after a point with `sequence >= mark`.
    var sequence: Int
    var method: String
    /// Parameters from the query, a JSON body or a form body, as text (see `FakeTelegramJSON.text`).
    var parameters: [String: String]
    /// The HTTP status answered.
    var status: Int
    /// The injected fault answered instead of the method, if any.
    var fault: FakeTelegramFault?
    /// Telegram's `description` when the call failed.
    var errorDescription: String?
    /// When the request arrived. A successful `getUpdates` is recorded on arrival, before its long poll is answered.
    var receivedAt: ContinuousClock.Instant

    var succeeded: Bool { status == 200 && fault == nil }
    var chatID: String? { parameters["chat_id"] }
    var text: String? { parameters["text"] }

    var description: String {
        let text = text.map { " text=\"\($0.prefix(80))\"" } ?? ""
        return "#\(sequence) \(method) → \(status)\(fault.map { " fault=\($0)" } ?? "")"
            + "\(chatID.map { " chat=\($0)" } ?? "")\(text)\(errorDescription.map { " (\($0))" } ?? "")"
    }
}
