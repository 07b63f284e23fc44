import FakeTelegram
import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// SPEC §12 without a sandbox (`JOB_SANDBOX=off`), through the built `claudio run`, Telegram and the scripted claude:
/// what a job sees of the daemon's environment, what the admin API answers it, and that a same-uid process cannot
/// read the daemon's environment.
@Suite("Job containment through the built binary (JOB_SANDBOX=off)", .serialized)
struct JobContainmentEndToEndTests {
    private let user = TelegramDaemonHarness.authorizedUser
    static let nobody: UInt32 = 65_534
    static let setpriv = ExecutableLocator.locate("setpriv", searchPath: "/usr/bin:/bin")
    /// Runs the rest of its arguments as nobody.
    static var asNobody: [String] {
        [setpriv ?? "/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"]
    }

    /// The text of the first message to `user` containing `marker`, as the chat shows it.
    private func answer(containing marker: String, in fake: FakeTelegramServer) async throws -> String {
        let call = try await fake.waitForAnswer(containing: marker, inChat: user, timeout: .seconds(30))
        return try FakeTelegramHTML.visibleText(try #require(call.text))
    }

    @Test("claude gets no bot token and no CLAUDIO_* but its job tag, and keeps ANTHROPIC_* and the listed names")
    func environment() async throws {
        try await TelegramDaemonHarness.with { harness in
            let passthrough = "\(FakeClaude.passthrough),TOOL_TOKEN,TELEGRAM_BOT_TOKEN"
            let daemon = try await harness.start([
                "JOB_SANDBOX": "off", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9", "TOOL_TOKEN": "tool-1",
                "UNLISTED_VARIABLE": "x", "JOB_ENV_PASSTHROUGH": passthrough,
            ])
            // Listing the bot token is no configuration error: it is ignored, and the operator is told.
            #expect(await daemon.waitForLog("JOB_ENV_PASSTHROUGH lists variables that are never passed to claude"))
            #expect(daemon.stderr.contains("so they are ignored: TELEGRAM_BOT_TOKEN."))

            await harness.fake.sendText("ENV", from: user)
            let text = try await answer(containing: "env: ", in: harness.fake)
            let entries = text.dropFirst("env: ".count).split(separator: " ").map(String.init)
            var seen: [String: String] = [:]
            for entry in entries {
                guard let equals = entry.firstIndex(of: "=") else { continue }
                seen[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
            }
            #expect(seen["TELEGRAM_BOT_TOKEN"] == nil, "\(text)")
            #expect(seen.keys.filter { $0.hasPrefix("CLAUDIO_") } == ["CLAUDIO_JOB_ID"], "\(text)")
            #expect(seen["CLAUDIO_JOB_ID"]?.isEmpty == false)
            #expect(seen["ANTHROPIC_BASE_URL"] == "http://127.0.0.1:9")
            #expect(seen["TOOL_TOKEN"] == "tool-1")
            #expect(seen["FAKE_CLAUDE_RECORD"] == harness.claude.record.path)
            #expect(seen["HOME"] == harness.directory.path && seen["PATH"] != nil)
            // Nothing else of the daemon's: only what JobEnvironment allows, the tag, and the PWD sh sets itself.
            let allowed = JobEnvironment(passthrough: passthrough.split(separator: ",").map(String.init))
            let unexpected = seen.keys.filter { !allowed.allows($0) && !["CLAUDIO_JOB_ID", "PWD"].contains($0) }
            #expect(unexpected.isEmpty, "\(text)")
            #expect(daemon.environment.keys.contains("UNLISTED_VARIABLE") && seen["UNLISTED_VARIABLE"] == nil)
        }
    }

    @Test("the admin API answers a job's curl 403 while the operator's client is served",
          .enabled(if: ExecutableLocator.locate("curl", searchPath: "/usr/bin:/bin") != nil))
    func adminRefusesJobs() async throws {
        try await TelegramDaemonHarness.with { harness in
            let daemon = try await harness.start(["JOB_SANDBOX": "off"])
            await harness.fake.sendText("ADMIN \(daemon.socketPath)", from: user)
            let text = try await answer(containing: "admin: ", in: harness.fake)
            #expect(text == #"admin: {"error":"jobs may not use the admin API"} HTTP 403"#)
            #expect(await daemon.waitForLog("refused the admin API to pid"))
            #expect(try await daemon.client.status().pid == Int(daemon.pid))
            let status = try await ClaudioBinary.run(
                ["status", "--socket", daemon.socketPath], environment: ["PATH": "/usr/bin:/bin"],
                in: harness.directory.path)
            #expect(status.status == .exited(0), "\(status.standardErrorText)")
        }
    }

    @Test(
        "a same-uid process cannot read the daemon's /proc/PID/environ, though it can read its job's",
        .enabled(if: geteuid() == 0 && setpriv != nil))
    func daemonIsUndumpable() async throws {
        try await TelegramDaemonHarness.with { harness in
            // The daemon runs as nobody, in directories nobody owns.
            for path in [harness.directory.path, harness.claude.record.path] {
                #expect(chown(path, Self.nobody, Self.nobody) == 0)
            }
            let daemon = try await harness.start(["JOB_SANDBOX": "off"], runner: Self.asNobody)
            #expect(Self.statusField("Uid", of: daemon.pid)?.hasPrefix("\(Self.nobody)") == true)

            // A job of the daemon, also nobody's, whose environment nobody may read: the control.
            await harness.fake.sendText("SLEEP", from: user)
            var job: JobInfo?
            _ = await ProcessLiveness.waitUntil(timeout: .seconds(20)) {
                job = try? await daemon.client.jobs().jobs.first { $0.state == .running && $0.pid != nil }
                return job != nil
            }
            let claudePID = try #require(job?.pid, "no running job:\n\(daemon.stderr)")

            let probe = CommandProbe(launcher: TestReaper.launcher, timeout: .seconds(10))
            let readJob = try await probe.run(
                Self.asNobody[0], arguments: Array(Self.asNobody.dropFirst()) + ["/bin/cat", "/proc/\(claudePID)/environ"],
                environment: TestReaper.environment)
            #expect(readJob.status == .exited(0), "\(readJob.standardErrorText)")
            #expect(readJob.standardOutputText.contains("CLAUDIO_JOB_ID=\(job?.id ?? "?")"))

            let readDaemon = try await probe.run(
                Self.asNobody[0], arguments: Array(Self.asNobody.dropFirst()) + ["/bin/cat", "/proc/\(daemon.pid)/environ"],
                environment: TestReaper.environment)
            #expect(readDaemon.status == .exited(1))
            #expect(readDaemon.standardErrorText.contains("Permission denied"), "\(readDaemon.standardErrorText)")
            #expect(!readDaemon.standardOutputText.contains("TELEGRAM_BOT_TOKEN"))
            // Why: the kernel hands an undumpable process's /proc files to root; the job's stay nobody's.
            #expect(Self.owner(of: "/proc/\(daemon.pid)/environ") == 0)
            #expect(Self.owner(of: "/proc/\(claudePID)/environ") == Self.nobody)
            #expect(await daemon.terminate() == .exited(0))
        }
    }

    @Test("a double-forked orphan that cleared its environment does not outlive /cancel")
    func clearedOrphanIsKilled() async throws {
        try await TelegramDaemonHarness.with { harness in
            let daemon = try await harness.start(["JOB_SANDBOX": "off"])
            let seconds = "1000.\(UInt32.random(in: 1...UInt32.max))"
            await harness.fake.sendText("ORPHAN \(seconds)", from: user)
            let started = await ProcessLiveness.waitUntil(timeout: .seconds(20)) {
                !Self.processes(sleeping: seconds).isEmpty
            }
            #expect(started, "the orphan never started:\n\(daemon.stderr)")
            let orphan = try #require(Self.processes(sleeping: seconds).first)
            #expect(orphan.parentPID == daemon.pid, "reparented to the daemon, its subreaper")
            await harness.fake.sendText("/cancel", from: user)
            try await harness.fake.waitForText(KillReason.cancel.userMessage(timeoutSeconds: 0), inChat: user)
            #expect(await ProcessLiveness.waitUntil(timeout: .seconds(5)) { Self.processes(sleeping: seconds).isEmpty })
            #expect(await daemon.waitForLog("orphaned process(es) that no running job owned"))
            #expect(await daemon.terminate() == .exited(0))
        }
    }

    /// Live processes running `sleep <seconds>`, anywhere on the machine.
    static func processes(sleeping seconds: String) -> [ProcStat] {
        ProcessTable.scan().processes.values.filter { stat in
            guard stat.isLive, let bytes = ProcFile.read("/proc/\(stat.pid)/cmdline") else { return false }
            return String(decoding: bytes, as: UTF8.self) == "sleep\u{0}\(seconds)\u{0}"
        }
    }

    private static func owner(of path: String) -> UInt32? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_uid : nil
    }

    /// A field of `/proc/PID/status`, e.g. `Uid` → "65534\t65534\t65534\t65534".
    private static func statusField(_ name: String, of pid: Int32) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
        return line.map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }
}
