import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// The sandbox itself, with the real `bwrap` (installed by `scripts/setup.sh`).
@Suite(
    "BubblewrapSupervisor: a job in its own namespaces, blind to the daemon's files, gone after a kill",
    .enabled(if: ExecutableLocator.locate("bwrap", searchPath: "/usr/bin:/bin") != nil), .timeLimit(.minutes(1)))
struct BubblewrapSupervisorTests {
    let root: ScratchDirectory
    /// The scratch path as the profile writes it (no doubled slashes).
    let base: String
    var workspace: String { base + "/workspace" }

    init() throws {
        root = try ScratchDirectory()
        base = URL(fileURLWithPath: root.path).standardizedFileURL.path
        for directory in ["workspace", "home", "state"] {
            try FileManager.default.createDirectory(atPath: base + "/" + directory, withIntermediateDirectories: true)
        }
        try "TELEGRAM_BOT_TOKEN=1:secret-in-the-env-file\n".write(
            toFile: workspace + "/.env", atomically: true, encoding: .utf8)
        try "secret state".write(toFile: base + "/state/claudio.sqlite", atomically: true, encoding: .utf8)
    }

    func supervisor() throws -> BubblewrapSupervisor<ContinuousClock> {
        var settings = try SettingsLoader.settings(
            from: EnvironmentLayers(processEnvironment: [
                "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": "1", "WORKSPACE_PATH": workspace,
                "HOME": base + "/home", "CLAUDIO_STATE_DIR": base + "/state",
                "CLAUDIO_ADMIN_SOCKET": base + "/state/admin.sock", "CLAUDIO_LOCK_DIR": "/tmp",
            ]))
        settings.envFilePath = workspace + "/.env"
        var supervisor = BubblewrapSupervisor(
            bubblewrapPath: "/usr/bin/bwrap", settings: settings, home: base + "/home",
            launcher: TestReaper.launcher)
        supervisor.killer.grace = .milliseconds(500)
        return supervisor
    }

    func run(_ script: String) async throws -> String {
        let job = try supervisor().launch(
            LaunchRequest(
                executablePath: "/bin/sh", arguments: ["-c", script], environment: TestReaper.environment,
                workingDirectory: workspace),
            tag: "sandbox-\(UInt64.random(in: 0...UInt64.max))")
        var output = ""
        for await chunk in job.root.standardOutput { output += String(decoding: chunk, as: UTF8.self) }
        _ = await job.root.waitForExit()
        return output
    }

    @Test("the env file, the state directory and the daemon's /proc are out of reach; only the workspace is writable")
    func containment() async throws {
        defer { root.remove() }
        let escape = "claudio-escape-\(UInt32.random(in: 1...UInt32.max))"
        let output = try await run(
            """
            echo "envfile:[$(cat \(workspace)/.env 2>/dev/null)]"
            echo "state:[$(ls \(base)/state)]"
            echo "daemon:[$(cat /proc/\(getpid())/environ 2>/dev/null | tr '\\0' ' ' | head -c 50)]"
            echo "pid:$$"
            touch /usr/claudio-escape 2>/dev/null && echo "wrote-usr"
            touch /var/tmp/\(escape) 2>/dev/null && echo "wrote-outside"
            touch \(workspace)/inside && echo "wrote-workspace"
            umount \(workspace)/.env 2>/dev/null && echo "unmounted"
            """)
        #expect(output.contains("envfile:[]"))
        #expect(!output.contains("secret"))
        #expect(output.contains("state:[]"))
        #expect(output.contains("daemon:[]"))
        #expect(output.contains("pid:2"), "the job has its own PID namespace: \(output)")
        #expect(!output.contains("wrote-usr") && !output.contains("wrote-outside") && !output.contains("unmounted"))
        #expect(output.contains("wrote-workspace"))
        #expect(!FileManager.default.fileExists(atPath: "/var/tmp/" + escape))
        #expect(FileManager.default.fileExists(atPath: workspace + "/inside"))
    }

    @Test("a kill leaves nothing: setsid, a double fork with a cleared environment, a process ignoring SIGTERM")
    func killLeavesNothing() async throws {
        defer { root.remove() }
        let supervisor = try supervisor()
        let marker = "1000.\(UInt32.random(in: 1...UInt32.max))"
        let job = try supervisor.launch(
            LaunchRequest(
                executablePath: "/bin/sh",
                arguments: [
                    "-c",
                    "setsid sleep \(marker) & setsid env -i sh -c 'sleep \(marker) &' ; "
                        + "sh -c 'trap \"\" TERM; sleep \(marker)' & exec sleep \(marker)",
                ],
                environment: TestReaper.environment, workingDirectory: workspace, standardOutput: .nullDevice),
            tag: "sandbox-kill-\(getpid())")
        #expect(await ProcessLiveness.waitUntil { Self.processes(sleeping: marker).count == 4 })
        #expect(await supervisor.processCount(of: job) >= 6, "bwrap, its init, the shell's sleeps")
        let report = await supervisor.kill(job)
        #expect(report.killedCount >= 6)
        #expect(Self.processes(sleeping: marker).isEmpty)
        #expect(await job.refresh().isEmpty)
    }

    @Test("a job spawned from a thread that then ends keeps running: --die-with-parent follows the spawning thread")
    func survivesItsSpawningThread() async throws {
        defer { root.remove() }
        let supervisor = try supervisor()
        let request = LaunchRequest(
            executablePath: "/bin/sh", arguments: ["-c", "exec sleep 1000"], environment: TestReaper.environment,
            workingDirectory: workspace, standardOutput: .nullDevice)
        let (jobs, sink) = AsyncStream<JobProcessTree>.makeStream()
        let thread = Thread {
            if let job = try? supervisor.launch(request, tag: "sandbox-thread-\(getpid())") { sink.yield(job) }
            sink.finish()
        }
        thread.start()
        var iterator = jobs.makeAsyncIterator()
        let job = try #require(await iterator.next())
        // The thread has returned; give a parent-death signal time to arrive if it were going to.
        try await Task.sleep(for: .milliseconds(300))
        #expect(ProcStat.read(pid: job.root.pid)?.isLive == true)
        _ = await supervisor.kill(job)
    }

    static func processes(sleeping marker: String) -> [ProcStat] {
        ProcessTable.scan().processes.values.filter { stat in
            guard stat.isLive, let bytes = ProcFile.read("/proc/\(stat.pid)/cmdline") else { return false }
            return String(decoding: bytes, as: UTF8.self) == "sleep\u{0}\(marker)\u{0}"
        }
    }
}
