import Foundation
import Testing

@testable import ClaudioBot

@Suite("JOB_SANDBOX through the built binary: bad values, the probe, the fallback and its warning")
struct SandboxCheckTests {
    static let token = "123456789:AAHk-SandboxCheckSecretToken_0123456789"
    let directory: ScratchDirectory

    init() throws {
        directory = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/bin", withIntermediateDirectories: true)
    }

    /// A valid configuration; `PATH` is the scratch `bin` (no `bwrap` in it) unless a test says otherwise.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "PATH": directory.path + "/bin", "HOME": directory.path, "CLAUDE_CLI_PATH": FakeClaude.path,
            "WORKSPACE_PATH": directory.path, "TELEGRAM_BOT_TOKEN": Self.token, "ALLOWED_USER_IDS": "42",
            "CLAUDIO_STATE_DIR": directory.path + "/state", "CLAUDIO_LOCK_DIR": directory.path,
            "CLAUDIO_ADMIN_SOCKET": directory.path + "/run/admin.sock",
        ].merging(extra) { $1 }
    }

    func check(_ extra: [String: String]) async throws -> ProbeResult {
        try await ClaudioBinary.run(["check"], environment: environment(extra), in: directory.path)
    }

    @Test("bad values of the sandbox settings exit 2, each named with its value")
    func badValues() async throws {
        defer { directory.remove() }
        let result = try await check([
            "JOB_SANDBOX": "maybe", "JOB_SANDBOX_RW": "relative/dir," + directory.path + "/missing",
            "JOB_SANDBOX_HIDE": "also-relative", "JOB_ENV_PASSTHROUGH": "GITHUB_TOKEN,9LIVES,BAD-NAME",
        ])
        #expect(result.status.code == 2)
        let errors = result.standardErrorText
        for expected in [
            "JOB_SANDBOX=\"maybe\"", "relative/dir", "/missing\": the path does not exist", "also-relative",
            "JOB_ENV_PASSTHROUGH=\"9LIVES,BAD-NAME\"", "auto, bwrap or off",
        ] {
            #expect(errors.contains(expected), "\(expected) in:\n\(errors)")
        }
    }

    @Test("auto without bwrap falls back to no sandbox, says why and warns")
    func autoWithoutBubblewrap() async throws {
        defer { directory.remove() }
        let result = try await check([:])
        #expect(result.status.code == 0)
        #expect(result.standardOutputText.contains("Job sandbox: off — bwrap not installed"))
        #expect(result.standardOutputText.contains("jobs run UNSANDBOXED"))
    }

    @Test("auto with a bwrap that cannot sandbox (its probe fails) falls back with the probe's reason")
    func autoWithBrokenBubblewrap() async throws {
        defer { directory.remove() }
        try directory.script("bin/bwrap", "echo 'bwrap: No permissions to create new namespace' >&2; exit 1")
        let result = try await check([:])
        #expect(result.status.code == 0)
        #expect(result.standardOutputText.contains("probe failed:"))
        #expect(result.standardOutputText.contains("No permissions to create new namespace"))
    }

    @Test("auto with a working bwrap sandboxes jobs")
    func autoWithBubblewrap() async throws {
        defer { directory.remove() }
        let result = try await check(["PATH": "/usr/bin:/bin"])
        #expect(result.status.code == 0)
        #expect(result.standardOutputText.contains("Job sandbox: bubblewrap"), "\(result.standardOutputText)")
        #expect(!result.standardOutputText.contains("UNSANDBOXED"))
    }

    @Test("JOB_SANDBOX=bwrap without bwrap: check and run exit 2 with the reason")
    func requiredButMissing() async throws {
        defer { directory.remove() }
        let checked = try await check(["JOB_SANDBOX": "bwrap"])
        #expect(checked.status.code == 2)
        #expect(checked.standardErrorText.contains("JOB_SANDBOX=bwrap, but jobs cannot be sandboxed: bwrap not installed"))
        let ran = try await ClaudioBinary.run(
            ["run"], environment: environment(["JOB_SANDBOX": "bwrap"]), in: directory.path)
        #expect(ran.status.code == 2)
        #expect(ran.standardErrorText.contains("bwrap not installed"))
        #expect(!ran.standardErrorText.contains(Self.token))
    }
}
