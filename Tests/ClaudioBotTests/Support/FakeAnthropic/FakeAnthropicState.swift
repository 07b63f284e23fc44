import Foundation

/// What the fake Anthropic API has received, in order, and the tests waiting for a request to arrive.
actor FakeAnthropicState {
    typealias RequestPredicate = @Sendable (FakeAnthropicRequest) -> Bool

    private(set) var requests: [FakeAnthropicRequest] = []
    private var observers: [UUID: (RequestPredicate, CheckedContinuation<FakeAnthropicRequest?, Never>)] = [:]
    private var timers: [UUID: Task<Void, Never>] = [:]

    /// Keeps a request and wakes whoever waits for one like it.
    func record(method: String, path: String, sessionID: String?, body: Data) -> FakeAnthropicRequest {
        let request = FakeAnthropicRequest(
            sequence: requests.count, method: method, path: path, sessionID: sessionID, body: body)
        requests.append(request)
        for (id, observer) in observers where observer.0(request) {
            observers[id] = nil
            timers.removeValue(forKey: id)?.cancel()
            observer.1.resume(returning: request)
        }
        return request
    }

    /// The Messages API requests (`POST /v1/messages`), oldest first.
    var messageRequests: [FakeAnthropicRequest] {
        requests.filter(\.isMessages)
    }

    /// The Messages API requests whose conversation holds `text` as a user text, oldest first: every request of the
    /// conversation that prompt started, and of any conversation that resumed it.
    func messageRequests(mentioning text: String) -> [FakeAnthropicRequest] {
        messageRequests.filter { $0.userTexts.contains(text) }
    }

    /// The first request (already received or still to come) matching `predicate`; nil after `timeout`.
    func firstRequest(matching predicate: @escaping RequestPredicate, timeout: Duration) async
        -> FakeAnthropicRequest?
    {
        if let request = requests.first(where: predicate) { return request }
        let id = UUID()
        return await withCheckedContinuation { continuation in
            observers[id] = (predicate, continuation)
            timers[id] = Task {
                try? await Task.sleep(for: timeout)
                self.expireObserver(id)
            }
        }
    }

    /// Wakes every waiting test with nil: the server is going away.
    func close() {
        for id in Array(observers.keys) { expireObserver(id) }
    }

    private func expireObserver(_ id: UUID) {
        timers.removeValue(forKey: id)?.cancel()
        observers.removeValue(forKey: id)?.1.resume(returning: nil)
    }
}
