/// Polls `probe` every `interval` until it returns a value, and returns that value.
/// - Throws: `BenchFailure` naming `what` when `timeout` passes first, or what `probe` throws.
func waitFor<Value>(
    _ what: @autoclosure () -> String, timeout: Duration = .seconds(120), every interval: Duration = .milliseconds(20),
    _ probe: () async throws -> Value?
) async throws -> Value {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let value = try await probe() { return value }
        try await Task.sleep(for: interval)
    }
    throw BenchFailure("timed out waiting for \(what())")
}

/// Polls `condition` every `interval` until it holds.
func waitFor(
    _ what: @autoclosure () -> String, timeout: Duration = .seconds(120), every interval: Duration = .milliseconds(20),
    _ condition: () async throws -> Bool
) async throws {
    try await waitFor(what(), timeout: timeout, every: interval) { try await condition() ? () : nil }
}
