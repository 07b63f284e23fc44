/// Paces progress edits: at most one per `interval`, and a newer text replaces one still waiting, so a chatty run
/// costs one edit per interval and the last activity is always shown (Telegram and Slack both rate-limit edits).
actor ProgressThrottle<C: Clock<Duration>> {
    private let interval: Duration
    private let publish: @Sendable (String) async -> Void
    private let clock: C
    private var lastPublished: C.Instant?
    private var pending: String?
    private var flushTask: Task<Void, Never>?
    private var stopped = false

    init(interval: Duration, clock: C, publish: @escaping @Sendable (String) async -> Void) {
        self.interval = interval
        self.clock = clock
        self.publish = publish
    }

    func submit(_ text: String) async {
        guard !stopped else { return }
        let now = clock.now
        if let last = lastPublished, now < last.advanced(by: interval) {
            pending = text
            if flushTask == nil {
                let due = last.advanced(by: interval)
                let clock = clock
                flushTask = Task { [weak self] in
                    try? await clock.sleep(until: due, tolerance: nil)
                    await self?.flush()
                }
            }
            return
        }
        lastPublished = now
        await publish(text)
    }

    /// Stops publishing; a waiting text is dropped (the final answer replaces the progress message).
    func stop() {
        stopped = true
        pending = nil
        flushTask?.cancel()
        flushTask = nil
    }

    private func flush() async {
        flushTask = nil
        guard !stopped, let text = pending else { return }
        pending = nil
        lastPublished = clock.now
        await publish(text)
    }
}
