import Foundation
import Glibc
import Shared

@testable import ClaudioBot

/// The scripted `claude` of `Tests/FakeClaude/fake-claude`, with a private record directory where it writes the argv,
/// stdin and PIDs of each run.
struct FakeClaude {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FakeClaude/fake-claude").path

    let record: ScratchDirectory

    /// `JOB_ENV_PASSTHROUGH` for a daemon running the fake: claude gets none of the daemon's environment beyond
    /// SPEC §12's list, so the fake's own variables (`FAKE_CLAUDE_RECORD`) are passed the way an operator would pass
    /// a tool's.
    static let passthrough = "FAKE_CLAUDE_*"

    init() throws {
        record = try ScratchDirectory()
    }

    var environment: [String: String] {
        TestReaper.environment.merging(["FAKE_CLAUDE_RECORD": record.path]) { $1 }
    }

    /// Every PID the fake wrote down: each claude run, and the background processes it started.
    var recordedPIDs: [Int32] {
        let text = (try? String(contentsOfFile: record.path + "/pids", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { Int32($0) }
    }

    /// The session each run reported, in the order they ran.
    var recordedSessions: [String] {
        let text = (try? String(contentsOfFile: record.path + "/sessions", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// The live processes of this fake's runs, found from the host by the record directory in their environment:
    /// unlike `recordedPIDs`, these are host PIDs also when the runs are sandboxed in their own PID namespace.
    func liveProcesses() -> [ProcessIdentity] {
        ProcessTable.scan().processes(withEnvironmentEntry: "FAKE_CLAUDE_RECORD=\(record.path)").map(\.identity)
    }

    /// The arguments of each run that was given `prompt` on stdin.
    func arguments(ofRunsWithPrompt prompt: String) -> [[String]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: record.path)) ?? []
        return names.filter { $0.hasPrefix("stdin.") }.sorted().compactMap { name in
            let run = name.dropFirst("stdin.".count)
            guard (try? String(contentsOfFile: record.path + "/" + name, encoding: .utf8)) == prompt,
                let argv = try? String(contentsOfFile: record.path + "/argv." + run, encoding: .utf8)
            else { return nil }
            return argv.split(separator: "\n").map(String.init)
        }
    }

    func files(prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: record.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted().compactMap {
            try? String(contentsOfFile: record.path + "/" + $0, encoding: .utf8)
        }
    }

    /// Settings for a runner of this fake: a workspace, a short timeout.
    static func settings(timeout: Double = 30, allowedTools: AllowedTools = .all) -> Settings {
        var settings = try! SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": "1", "WORKSPACE_PATH": "/tmp",
                "HOME": "/tmp",
            ]))
        settings.commandTimeout = timeout
        settings.allowedTools = allowedTools
        return settings
    }

    /// The supervisor the fake runs under: the daemon's, with a short grace period.
    static func supervisor(grace: Duration = .milliseconds(500)) -> HostProcessSupervisor<ContinuousClock> {
        HostProcessSupervisor(launcher: TestReaper.launcher, grace: grace)
    }

    /// In-process harnesses run the fake as the daemon's own child (the sandbox is tested through the binary).
    static let unsandboxed = SandboxStatus(mode: .off, reason: "JOB_SANDBOX=off")

    /// The CLI as the daemon would have found it at start.
    static let cli = ClaudeCLIInfo(path: path, version: "9.9.9 (Fake Claude Code)", problem: nil)

    func runner(settings: Settings, grace: Duration = .milliseconds(500)) -> ClaudeRunner {
        ClaudeRunner(
            supervisor: Self.supervisor(grace: grace), settings: settings, executablePath: Self.path,
            environment: environment)
    }

    func remove() {
        record.remove()
    }
}
