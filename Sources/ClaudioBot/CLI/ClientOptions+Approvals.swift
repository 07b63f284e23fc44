import Shared

extension ClientOptions {
    /// `claudio approve` / `claudio deny`: answers tool request `id` as the operator, from the CLI.
    func answerToolRequest(_ id: String, _ answer: OperatorDecision.Answer) async throws {
        try await perform(
            .decide(approvalID: id, OperatorDecision(decision: answer, via: .cli)), as: OperatorDecisionResponse.self
        ) { response in
            answer == .allow ? "✅ Allowed request \(response.id)." : "❌ Denied request \(response.id)."
        }
    }
}
