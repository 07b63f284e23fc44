import Foundation

@testable import ClaudioBot

extension TmuxConsole {
    /// Runs `body` with a daemon (the built binary, the fake Telegram, the scripted claude) and the console on its
    /// socket, polling every 0.2 s; stops both (by PID) afterwards.
    static func withDaemon(
        columns: Int = 120, rows: Int = 40, daemonEnvironment: [String: String] = [:],
        _ body: @escaping @Sendable (TelegramDaemonHarness, DaemonProcess, TmuxConsole) async throws -> Void
    ) async throws {
        try await TelegramDaemonHarness.with { harness in
            let daemon = try await harness.start(daemonEnvironment)
            let console = try await TmuxConsole(
                socketPath: daemon.socketPath, columns: columns, rows: rows, arguments: ["--interval", "0.2"])
            do {
                try await body(harness, daemon, console)
            } catch {
                await console.stop()
                throw error
            }
            await console.stop()
        }
    }

    /// The screen's rows without the empty string after tmux's final newline.
    static func rows(_ screen: [String]) -> [String] {
        screen.last == "" ? Array(screen.dropLast()) : screen
    }
}
