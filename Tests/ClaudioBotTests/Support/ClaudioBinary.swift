import Foundation

@testable import ClaudioBot

/// The built `claudio` executable, run the way an operator runs it.
enum ClaudioBinary {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/claudio").path

    /// Runs `claudio <arguments>` to completion in `directory` with exactly `environment`.
    static func run(_ arguments: [String], environment: [String: String], in directory: String) async throws
        -> ProbeResult
    {
        let probe = CommandProbe(launcher: TestReaper.launcher, timeout: .seconds(60))
        return try await probe.run(path, arguments: arguments, environment: environment, workingDirectory: directory)
    }
}
