import Synchronization

/// Short job IDs an operator can type (`claudio kill k3f9-12`): a random prefix per daemon run, then a counter, so
/// IDs do not repeat across restarts in the job history.
final class JobIDGenerator: Sendable {
    private let prefix: String
    private let counter = Mutex(0)

    init(prefix: String? = nil) {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        self.prefix = prefix ?? String((0..<4).map { _ in alphabet.randomElement()! })
    }

    func next() -> String {
        let number = counter.withLock { value -> Int in
            value += 1
            return value
        }
        return "\(prefix)-\(number)"
    }
}
