/// A message the gate has judged — its one decision — with what the message asks for. Made by
/// `MessageRouter.admit(_:asking:)` and carried out by `MessageRouter.handle(_:replier:)`; in between a channel can
/// make a message that may start claude durable (Telegram stores its update offset).
struct Admission: Sendable {
    let message: InboundMessage
    let request: ChatRequest
    let access: AccessDecision

    var isAuthorized: Bool { access == .allowed }

    /// Whether handling it can start claude: an authorized prompt. Anything else is harmless to handle twice.
    var mayStartJob: Bool { isAuthorized && request == .prompt }
}
