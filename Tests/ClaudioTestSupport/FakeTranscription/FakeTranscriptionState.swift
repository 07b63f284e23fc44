import Foundation

/// The fake transcription server's memory: scripted replies, the requests received, and ways to wait for them.
package actor FakeTranscriptionState {
    /// The key requests must carry as `Authorization: Bearer`; nil accepts any request.
    package let apiKey: String?
    package private(set) var requests: [FakeTranscriptionRequest] = []
    private var scripted: [FakeTranscriptionReply] = []
    private var hanging: [CheckedContinuation<Void, Never>] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var closed = false

    init(apiKey: String?) {
        self.apiKey = apiKey
    }

    /// The next requests are answered with `replies`, in order; after them each request is answered with its audio
    /// read as UTF-8 text, so a test's "voice note" says what its bytes spell.
    package func script(_ replies: FakeTranscriptionReply...) {
        scripted += replies
    }

    /// Records `request` and decides its answer; a `.hang` returns only when the server stops.
    func answer(_ request: FakeTranscriptionRequest) async -> FakeTranscriptionReply {
        requests.append(request)
        for (index, waiter) in waiters.enumerated().reversed() where requests.count >= waiter.count {
            waiters.remove(at: index)
            waiter.continuation.resume(returning: true)
        }
        if let key = apiKey, request.authorization != "Bearer \(key)" {
            return .error(status: 401, message: "Incorrect API key provided: sk-…wxyz.")
        }
        let reply = scripted.isEmpty ? .text(String(decoding: request.audio, as: UTF8.self)) : scripted.removeFirst()
        if reply == .hang, !closed {
            await withCheckedContinuation { hanging.append($0) }
        }
        return reply
    }

    /// Returns once `count` requests have arrived (true), or false when the server stopped first.
    package func waitForRequests(_ count: Int) async -> Bool {
        if requests.count >= count { return true }
        if closed { return false }
        return await withCheckedContinuation { waiters.append((count, $0)) }
    }

    /// Releases every hanging request and waiter (before the server stops).
    func close() {
        closed = true
        for continuation in hanging { continuation.resume() }
        hanging = []
        for waiter in waiters { waiter.continuation.resume(returning: false) }
        waiters = []
    }
}
