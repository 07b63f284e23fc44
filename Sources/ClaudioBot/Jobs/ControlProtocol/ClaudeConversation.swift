import Synchronization

/// Claudio's side of one claude run's stdin (SPEC §5): the `initialize` request and the prompt as the first user
/// message, an answer to every control request claude prints, and the end of input once the `result` line came
/// (the CLI exits only when its stdin closes).
final class ClaudeConversation: Sendable {
    /// The `request_id` of Claudio's own `initialize` request.
    static let initializeRequestID = "claudio-init"

    private let input: StandardInputWriter?
    private let handler: any ClaudeControlHandler
    /// Answers still being worked out, so the end of the run can cancel them.
    private let pending = Mutex<[String: Task<Void, Never>]>([:])

    init(input: StandardInputWriter?, handler: any ClaudeControlHandler) {
        self.input = input
        self.handler = handler
    }

    /// Writes `initialize` and the prompt; stdin stays open for the answers.
    func start(prompt: String, sdkMcpServers: [String]) {
        send(.initialize(requestID: Self.initializeRequestID, sdkMcpServers: sdkMcpServers))
        send(.userMessage(prompt))
    }

    /// Acts on one output event: answers a control request (without holding up the reading of further output), or
    /// ends the input after the result.
    func observe(_ event: ClaudeStreamEvent) {
        switch event {
        case .controlRequest(let request):
            answerLater(request)
        case .result:
            input?.close()
        default:
            break
        }
    }

    /// The run is over: unanswered questions are withdrawn (their handlers see cancellation) and stdin is closed.
    func end() {
        let tasks = pending.withLock { pending in
            defer { pending.removeAll() }
            return Array(pending.values)
        }
        for task in tasks { task.cancel() }
        input?.close()
    }

    private func answerLater(_ request: ClaudeControlRequest) {
        let handler = handler
        pending.withLock { pending in
            // A request id claude repeats gets one answer: the first one asked.
            guard pending[request.requestID] == nil else { return }
            pending[request.requestID] = Task { [weak self] in
                let result = await handler.answer(request)
                guard let self else { return }
                let stillPending = self.pending.withLock { $0.removeValue(forKey: request.requestID) != nil }
                if stillPending && !Task.isCancelled {
                    self.send(.controlResponse(requestID: request.requestID, result))
                }
            }
        }
    }

    private func send(_ line: ClaudeInput) {
        input?.write(Array(line.line))
    }
}
