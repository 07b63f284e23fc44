import Testing

/// Runs a suite (or one test) with a fake Anthropic API that all its tests share as `FakeAnthropic.current`, and stops
/// the server when the last of them is done. Tests tell their requests apart by their prompts.
struct FakeAnthropicScope: SuiteTrait, TestTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await FakeAnthropic.withServer { server in
            try await FakeAnthropic.$current.withValue(server) {
                try await function()
            }
        }
    }
}

extension Trait where Self == FakeAnthropicScope {
    /// One fake Anthropic API for the whole suite: `@Suite(.fakeAnthropic)`.
    static var fakeAnthropic: Self { FakeAnthropicScope() }
}
