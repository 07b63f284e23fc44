/// One Bot API call the fake received, as it was answered.
package struct FakeTelegramCall: Sendable, CustomStringConvertible {
    /// Position among all calls, from 0: wait for calls after a point with `sequence >= mark`.
    package var sequence: Int
    package var method: String
    /// Parameters from the query, a JSON body or a form body, as text (see `FakeTelegramJSON.text`).
    package var parameters: [String: String]
    /// The HTTP status answered.
    package var status: Int
    /// The injected fault answered instead of the method, if any.
    package var fault: FakeTelegramFault?
    /// Telegram's `description` when the call failed.
    package var errorDescription: String?
    /// When the request arrived. A successful `getUpdates` is recorded on arrival, before its long poll is answered.
    package var receivedAt: ContinuousClock.Instant

    package var succeeded: Bool { status == 200 && fault == nil }
    package var chatID: String? { parameters["chat_id"] }
    package var text: String? { parameters["text"] }

    package var description: String {
        let text = text.map { " text=\"\($0.prefix(80))\"" } ?? ""
        return "#\(sequence) \(method) → \(status)\(fault.map { " fault=\($0)" } ?? "")"
            + "\(chatID.map { " chat=\($0)" } ?? "")\(text)\(errorDescription.map { " (\($0))" } ?? "")"
    }
}
