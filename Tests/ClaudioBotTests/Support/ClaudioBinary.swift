import Foundation

@testable import ClaudioBot

/// The built `claudio` executable, run the way an operator runs it.
enum ClaudioBinary {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/claudio").path

    /// Runs `claudio <arguments>` to completion in `directory` with exactly `environment`.
    ///
    /// `CommandProbe` tags what it runs with `CLAUDIO_JOB_ID` to sweep leftovers, and a daemon refuses a tagged
    /// admin client as a job's process (SPEC §12); an operator's `claudio` carries no tag, so `env -u` drops it.
    static func run(_ arguments: [String], environment: [String: String], in directory: String) async throws
        -> ProbeResult
    {
        let probe = CommandProbe(launcher: TestReaper.launcher, timeout: .seconds(60))
        return try await probe.run(
            "/usr/bin/env", arguments: ["-u", ProcessLauncher.jobTagVariable, path] + arguments,
            environment: environment, workingDirectory: directory)
    }
}
