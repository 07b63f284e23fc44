import Foundation

/// Runs a synchronous call that may block (opening, migrating or closing the SQLite file) on a thread of its own, so it
/// never occupies a thread of the cooperative pool.
enum BlockingCall {
    static func run<Value: Sendable>(name: String, _ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = name
            thread.start()
        }
    }
}
