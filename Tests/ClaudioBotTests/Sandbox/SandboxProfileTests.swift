import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("SandboxProfile: what a job may write and what it cannot see, as bubblewrap arguments")
struct SandboxProfileTests {
    let root: ScratchDirectory
    /// The scratch path as the profile writes it (no doubled slashes).
    let base: String
    var workspace: String { base + "/workspace" }
    var home: String { base + "/home" }

    init() throws {
        root = try ScratchDirectory()
        base = URL(fileURLWithPath: root.path).standardizedFileURL.path
        for directory in ["workspace", "home", "state", "run", "locks", "extra", "secret"] {
            try FileManager.default.createDirectory(atPath: base + "/" + directory, withIntermediateDirectories: true)
        }
        _ = FileManager.default.createFile(atPath: base + "/workspace/.env", contents: Data("TOKEN=x".utf8))
        _ = FileManager.default.createFile(atPath: base + "/run/admin.sock", contents: nil)
        _ = FileManager.default.createFile(atPath: base + "/locks/telegram_claude_bot.lock", contents: nil)
    }

    func settings(_ extra: [String: String] = [:]) throws -> Settings {
        var variables = [
            "TELEGRAM_BOT_TOKEN": "1:test", "ALLOWED_USER_IDS": "1", "WORKSPACE_PATH": workspace, "HOME": home,
            "CLAUDIO_STATE_DIR": base + "/state", "CLAUDIO_ADMIN_SOCKET": base + "/run/admin.sock",
            "CLAUDIO_LOCK_DIR": base + "/locks",
        ]
        variables.merge(extra) { $1 }
        var settings = try SettingsLoader.settings(from: EnvironmentLayers(processEnvironment: variables))
        settings.envFilePath = workspace + "/.env"
        return settings
    }

    @Test("namespaces, no capabilities, read-only root, private /tmp; writable workspace and HOME; then what is hidden")
    func arguments() throws {
        defer { root.remove() }
        let profile = SandboxProfile.forJobs(settings: try settings(), home: home)
        let argv = profile.bubblewrapArguments(command: "/usr/bin/claude", arguments: ["-p", "--verbose"])
        #expect(Array(argv.prefix(16)) == [
            "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
        ] + ["--bind"])
        #expect(profile.writable == [workspace, home])
        #expect(profile.hidden == [
            .file(workspace + "/.env"), .directory(base + "/state"), .directory(base + "/run"),
            .directory(base + "/locks"),
        ])
        #expect(Array(argv.suffix(6)) == ["--chdir", workspace, "--", "/usr/bin/claude", "-p", "--verbose"])
        // A hidden path inside a writable one must be covered after it is bound.
        let envFileMount = try #require(argv.firstIndex(of: workspace + "/.env"))
        let workspaceBind = try #require(argv.firstIndex(of: workspace))
        #expect(envFileMount > workspaceBind)
        #expect(argv[envFileMount - 1] == "/dev/null")
    }

    @Test("a daemon directory that holds HOME or the workspace hides only the daemon's files in it")
    func directoryAboveTheJobsOwn() throws {
        defer { root.remove() }
        _ = FileManager.default.createFile(atPath: base + "/claudio.sqlite", contents: nil)
        _ = FileManager.default.createFile(atPath: base + "/claudio.sqlite-wal", contents: nil)
        _ = FileManager.default.createFile(atPath: workspace + "/admin.sock", contents: nil)
        _ = FileManager.default.createFile(atPath: workspace + "/slack_claude_bot.lock", contents: nil)
        let settings = try settings([
            "CLAUDIO_STATE_DIR": base, "CLAUDIO_ADMIN_SOCKET": workspace + "/admin.sock",
            "CLAUDIO_LOCK_DIR": workspace,
        ])
        let hidden = SandboxProfile.forJobs(settings: settings, home: home).hidden
        #expect(hidden.contains(.file(base + "/claudio.sqlite")))
        #expect(hidden.contains(.file(base + "/claudio.sqlite-wal")))
        #expect(hidden.contains(.file(workspace + "/admin.sock")))
        #expect(hidden.contains(.file(workspace + "/slack_claude_bot.lock")))
        #expect(!hidden.contains(.directory(base)) && !hidden.contains(.directory(workspace)))
    }

    @Test("the system temp directory as lock directory is left alone (the job's /tmp is private); JOB_SANDBOX_RW and _HIDE apply; missing paths are skipped")
    func extras() throws {
        defer { root.remove() }
        let settings = try settings([
            "CLAUDIO_LOCK_DIR": "/tmp", "JOB_SANDBOX_RW": base + "/extra",
            "JOB_SANDBOX_HIDE": base + "/secret," + base + "/not-there",
        ])
        let profile = SandboxProfile.forJobs(settings: settings, home: home)
        #expect(profile.writable == [workspace, home, base + "/extra"])
        #expect(profile.hidden.contains(.directory(base + "/secret")))
        #expect(!profile.hidden.contains { $0.path == "/tmp" || $0.path.hasSuffix("not-there") })
    }

    @Test("a CLI in the system temp directory (a checkout under /tmp) stays runnable: its directory and its link's target's are bound read-only")
    func executableUnderTheTempDirectory() throws {
        defer { root.remove() }
        let versioned = base + "/cli/2.1/claude"
        try FileManager.default.createDirectory(atPath: base + "/cli/2.1", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: versioned, contents: Data("#!/bin/sh\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: base + "/cli/claude", withDestinationPath: "2.1/claude")
        var profile = SandboxProfile.forJobs(settings: try settings(), home: home, systemTemporaryDirectory: "/tmp")
        profile.makeReadable(base + "/cli/claude")
        #expect(profile.readOnly == [base + "/cli"], "the link and its target are both in it")
        let argv = profile.bubblewrapArguments(command: base + "/cli/claude", arguments: [])
        let bind = try #require(argv.firstIndex(of: base + "/cli"))
        #expect(argv[bind - 1] == "--ro-bind" && bind > argv.firstIndex(of: "/tmp")!)
        // Outside the temp directory the read-only root already shows it.
        var plain = SandboxProfile.forJobs(settings: try settings(), home: home, systemTemporaryDirectory: "/tmp")
        plain.makeReadable("/usr/bin/env")
        #expect(plain.readOnly.isEmpty)
    }
}
