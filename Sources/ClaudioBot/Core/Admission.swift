/// A message the gate has judged — its one decision — with what the message asks for. Made by
/// `MessageRouter.admit(_:asking:)` and carried out by `MessageRouter.handle(_:replier:whenDurable:)`; in between a channel can
/// judge what must be safe before it confirms the message to its platform.
struct Admission: Sendable {
    let message: InboundMessage
    let request: ChatRequest
    let access: AccessDecision

    var isAuthorized: Bool { access == .allowed }

    /// Whether handling it can start claude: an authorized prompt. Anything else is harmless to handle twice. Handling
    /// stores such a prompt in the intake (`MessageRouter.handle(_:replier:whenDurable:)`) before its job can start.
    var mayStartJob: Bool { isAuthorized && request == .prompt }

    /// Whether handling it does anything: a stranger whose denial was already answered this minute gets nothing, so a
    /// channel can settle the message without handing it to a handler (a flood costs no task per message).
    var needsHandling: Bool {
        if case .whoAmI = request { return true }
        return access != .denied(reply: nil)
    }
}
