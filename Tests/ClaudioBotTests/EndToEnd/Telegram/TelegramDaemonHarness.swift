import FakeTelegram
import Foundation
import Glibc
import Shared
import Synchronization

@testable import ClaudioBot

/// The built `claudio run` talking to a `FakeTelegramServer` and running the scripted fake claude, in a scratch
/// directory of its own. Every daemon a test starts is stopped (by PID) when `with` returns.
final class TelegramDaemonHarness: Sendable {
    static let authorizedUser: Int64 = 42
    static let strangerUser: Int64 = 99

    let fake: FakeTelegramServer
    let claude: FakeClaude
    let directory: ScratchDirectory
    private let started = Mutex<[DaemonProcess]>([])

    private init(fake: FakeTelegramServer, claude: FakeClaude, directory: ScratchDirectory) {
        self.fake = fake
        self.claude = claude
        self.directory = directory
    }

    static func with(_ body: @Sendable (TelegramDaemonHarness) async throws -> Void) async throws {
        try await FakeTelegramServer.withServer { fake in
            let harness = TelegramDaemonHarness(fake: fake, claude: try FakeClaude(), directory: try ScratchDirectory())
            do {
                try await body(harness)
            } catch {
                await harness.stopAll()
                throw error
            }
            await harness.stopAll()
        }
    }

    /// The daemon's environment: the fake's URL and token, user 42 allowed, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        DaemonProcess.environment(
            in: directory, fake: claude,
            extra: [
                "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_BASE_URL": fake.baseURL,
                "ALLOWED_USER_IDS": String(Self.authorizedUser),
            ].merging(extra) { $1 })
    }

    /// Starts `claudio run` and returns once it polls Telegram.
    /// - Parameter runner: see `DaemonProcess.init`, e.g. `setpriv` to run the daemon as another user.
    func start(_ extra: [String: String] = [:], runner: [String] = []) async throws -> DaemonProcess {
        let mark = await fake.mark()
        let daemon = try launch(extra, runner: runner)
        do {
            try await fake.waitForMethod("setMyCommands", after: mark, timeout: .seconds(30))
        } catch {
            throw DaemonDidNotStart(reason: "\(error)", stderr: daemon.stderr)
        }
        return daemon
    }

    /// Starts `claudio run` without waiting for anything.
    func launch(_ extra: [String: String] = [:], runner: [String] = []) throws -> DaemonProcess {
        let daemon = try DaemonProcess(directory: directory, environment: environment(extra), runner: runner)
        started.withLock { $0.append(daemon) }
        return daemon
    }

    /// The prompts the fake claude received, in no particular order.
    var prompts: [String] { claude.files(prefix: "stdin.") }

    private func stopAll() async {
        for daemon in started.withLock({ $0 }) {
            await daemon.stop()
        }
        // A daemon that was killed (SIGKILL) could not kill its unsandboxed jobs.
        for process in claude.liveProcesses() { kill(process.pid, SIGKILL) }
        claude.remove()
        directory.remove()
    }

    struct DaemonDidNotStart: Error, CustomStringConvertible {
        var reason: String
        var stderr: String
        var description: String { "the daemon did not start polling: \(reason)\n--- stderr ---\n\(stderr)" }
    }
}
