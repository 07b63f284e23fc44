import Logging
import Shared

/// The running daemon: builds every part from the settings, runs them until a signal, then shuts down cleanly.
struct Daemon {
    let settings: Settings
    let environment: [String: String]

    /// Runs until SIGTERM/SIGINT; returns the process exit code (SPEC §3).
    func run() async -> Int32 {
        let logger = Logger(label: "claudio")
        logger.error("no chat channel is available in this build yet")
        return 2
    }
}
