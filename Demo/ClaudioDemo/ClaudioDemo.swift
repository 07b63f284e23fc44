import FakeTelegram
import Foundation
import Glibc
import UnixSignals

/// `make demo`: the whole of Claudio on this machine, without a bot token. It starts a fake Telegram Bot API on
/// 127.0.0.1, the built `claudio run` against it with the scripted claude, scripted users (allowed ones sending
/// prompts — one of them a long job —, strangers knocking, a tool request waiting for an answer), and `claudio-tui`
/// on the daemon's socket in the foreground. Nothing leaves the machine. When the console quits (or the demo gets
/// Ctrl-C or SIGTERM), it stops the daemon and the fake by PID and removes its scratch directory.
///
/// `--no-console` runs everything but the console, until SIGINT or SIGTERM, for another terminal's `claudio-tui`.
@main
struct ClaudioDemo {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains("--help") || arguments.contains("-h") {
            say("usage: ClaudioDemo [--no-console]  (see `make demo`)")
            return
        }
        let withConsole = !arguments.contains("--no-console")
        do {
            try await run(withConsole: withConsole)
        } catch {
            FileHandle.standardError.write(Data("❌ claudio-demo: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(withConsole: Bool) async throws {
        let binaries = try DemoBinaries.locate()
        // Trapped before anything starts: Ctrl-C or a kill ends the demo through the clean-up below.
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm, .sighup)
        let scratch = try DemoWorkspace.create()
        defer { scratch.remove() }
        try await FakeTelegramServer.withServer { telegram in
            try scratch.writeEnvFile(
                telegramURL: telegram.baseURL, token: telegram.token, claude: binaries.fakeClaude,
                allowed: DemoUsers.allowed)
            let daemon = try DemoProcess(
                binaries.claudio, arguments: ["run", "--env-file", scratch.envFile],
                environment: scratch.daemonEnvironment, ownProcessGroup: true, outputPath: scratch.logPath)
            do {
                try await waitUntilPolling(telegram, daemon: daemon, scratch: scratch)
            } catch {
                _ = await daemon.stop()
                throw error
            }
            let users = Task { await DemoUsers(telegram: telegram).play() }
            say("""
                Claudio demo: daemon pid \(daemon.pid) with the scripted claude, fake Telegram at \(telegram.baseURL)
                Admin socket: \(scratch.socketPath)   (log: \(scratch.logPath))
                """)
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    if withConsole {
                        await runConsole(binaries.console, socket: scratch.socketPath, signals: signals)
                    } else {
                        say("Open the console with: claudio-tui --socket \(scratch.socketPath) — Ctrl-C stops the demo.")
                        for await _ in signals { break }
                    }
                }
                group.addTask {
                    // Polled rather than awaited: the group must be able to stop waiting when the others end first.
                    while daemon.exitCode == nil {
                        guard (try? await Task.sleep(for: .milliseconds(200))) != nil else { return }
                    }
                }
                // Whichever ends first — the console, a signal, the daemon itself — ends the demo.
                await group.next()
                group.cancelAll()
            }
            users.cancel()
            let daemonExit = daemon.exitCode
            let code = await daemon.stop()
            if let daemonExit {
                say("The daemon exited by itself (status \(daemonExit)). Its log:\n\(scratch.logTail())")
            } else {
                say("Stopped the daemon (pid \(daemon.pid), status \(code)) and the fake Telegram; removed \(scratch.root).")
            }
        }
    }

    /// One line on stdout, written at once also into a pipe or a file: whoever reads the demo sees the socket path.
    private static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Waits for the daemon's first call to the fake (it sets its commands once it is up), or its early exit.
    private static func waitUntilPolling(
        _ telegram: FakeTelegramServer, daemon: DemoProcess, scratch: DemoWorkspace
    ) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < deadline {
            if await !telegram.state.calls("setMyCommands").isEmpty { return }
            if let code = daemon.exitCode {
                throw DemoFailure("the daemon exited with status \(code) before polling Telegram:\n\(scratch.logTail())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DemoFailure("the daemon did not poll the fake Telegram within 30 s:\n\(scratch.logTail())")
    }

    /// The console in the foreground, on the demo's terminal, until it quits; a signal to the demo is passed on.
    private static func runConsole(_ path: String, socket: String, signals: UnixSignalsSequence) async {
        var environment = ProcessInfo.processInfo.environment
        environment["CLAUDIO_ADMIN_SOCKET"] = socket
        let console: DemoProcess
        do {
            console = try DemoProcess(
                path, arguments: ["--socket", socket], environment: environment, ownProcessGroup: false,
                outputPath: nil)
        } catch {
            FileHandle.standardError.write(Data("❌ claudio-demo: \(error)\n".utf8))
            return
        }
        let forwarding = Task {
            for await _ in signals { console.signal(SIGTERM) }
        }
        let code = await console.waitForExit()
        forwarding.cancel()
        if code != 0 { say("The console exited with status \(code).") }
    }
}
