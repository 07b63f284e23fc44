import Foundation

/// Runs a short command (`claude --version`, a health check) to completion with a timeout and
/// captures its output.
///
/// The command runs as its own job: on timeout its whole tree is killed, and after a normal exit
/// anything it left running is swept too, so a probe never leaves a process behind.
struct CommandProbe: Sendable {
    let launcher: ProcessLauncher
    let killer: ProcessTreeKiller<ContinuousClock>
    var timeout: Duration
    /// Bytes kept per output stream; the rest is read and dropped so the command never blocks on a full pipe.
    var outputCap: Int
    /// How long to wait for output EOF once the tree is gone (a descriptor could still be held by a
    /// process outside the tree).
    var drainTimeout: Duration

    init(launcher: ProcessLauncher, killer: ProcessTreeKiller<ContinuousClock> = ProcessTreeKiller(), timeout: Duration = .seconds(5),
         outputCap: Int = 64 * 1024, drainTimeout: Duration = .seconds(1)) {
        self.launcher = launcher
        self.killer = killer
        self.timeout = timeout
        self.outputCap = outputCap
        self.drainTimeout = drainTimeout
    }

    /// Runs `executablePath` with `arguments`; stdin is /dev/null.
    /// - Throws: `SupervisorError` if the command cannot be started.
    func run(_ executablePath: String, arguments: [String] = [], environment: [String: String] = [:],
             workingDirectory: String? = nil) async throws(SupervisorError) -> ProbeResult {
        let request = LaunchRequest(
            executablePath: executablePath, arguments: arguments, environment: environment,
            workingDirectory: workingDirectory, jobTag: "probe-\(UUID().uuidString)",
            standardInput: .nullDevice, standardOutput: .capture, standardError: .capture)
        let process = try launcher.launch(request)
        let tree = JobProcessTree(root: process)
        let cap = outputCap
        let standardOutput = Task { await Self.collect(process.standardOutput, cap: cap) }
        let standardError = Task { await Self.collect(process.standardError, cap: cap) }

        let killer = killer
        let timeout = timeout
        let timedOut = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return false }
                _ = await killer.kill(tree)
                return true
            }
            _ = await process.waitForExit()
            group.cancelAll()
            return await group.next() ?? false
        }
        if !timedOut { _ = await killer.kill(tree) }
        let status = await process.waitForExit()

        let drainTimeout = drainTimeout
        let watchdog = Task {
            try await Task.sleep(for: drainTimeout)
            standardOutput.cancel()
            standardError.cancel()
        }
        let result = ProbeResult(status: status, standardOutput: await standardOutput.value,
                                 standardError: await standardError.value, timedOut: timedOut)
        watchdog.cancel()
        return result
    }

    /// Reads `stream` to its end (or until cancelled), keeping the first `cap` bytes.
    private static func collect(_ stream: AsyncStream<[UInt8]>, cap: Int) async -> [UInt8] {
        var kept: [UInt8] = []
        for await chunk in stream where kept.count < cap {
            kept.append(contentsOf: chunk.prefix(cap - kept.count))
        }
        return kept
    }
}
