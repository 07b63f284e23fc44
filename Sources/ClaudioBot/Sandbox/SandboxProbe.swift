import Shared

/// Decides at start how jobs are contained (`JOB_SANDBOX`, SPEC §12): finds `bwrap` and runs a trivial command in
/// the very profile jobs will get, so a host where bubblewrap cannot work (no user namespaces, a seccomp policy)
/// is found out before the first prompt rather than by it.
struct SandboxProbe: Sendable {
    /// What start-up decided.
    struct Choice: Sendable {
        var status: SandboxStatus
        /// The `bwrap` that passed the probe; nil when jobs run unsandboxed.
        var bubblewrapPath: String?
    }

    let probe: CommandProbe

    init(launcher: ProcessLauncher, timeout: Duration = .seconds(10)) {
        probe = CommandProbe(launcher: launcher, timeout: timeout)
    }

    /// - Throws: `SandboxUnavailable` with `JOB_SANDBOX=bwrap` when bubblewrap is missing or fails the probe.
    func choose(settings: Settings, environment: [String: String]) async throws(SandboxUnavailable) -> Choice {
        if settings.jobSandbox == .off {
            return Choice(status: SandboxStatus(mode: .off, reason: "JOB_SANDBOX=off"), bubblewrapPath: nil)
        }
        let problem: String
        if let path = ExecutableLocator.locate("bwrap", searchPath: environment["PATH"]) {
            if let failure = await run(path, settings: settings, home: environment["HOME"]) {
                problem = "probe failed: \(failure)"
            } else {
                return Choice(status: SandboxStatus(mode: .bwrap), bubblewrapPath: path)
            }
        } else {
            problem = "bwrap not installed"
        }
        if settings.jobSandbox == .bwrap { throw SandboxUnavailable(reason: problem) }
        return Choice(status: SandboxStatus(mode: .off, reason: problem), bubblewrapPath: nil)
    }

    /// Runs `sh -c 'exit 0'` under bubblewrap; nil when it worked, else what went wrong.
    private func run(_ bubblewrap: String, settings: Settings, home: String?) async -> String? {
        let profile = SandboxProfile.forJobs(settings: settings, home: home)
        do {
            let result = try await probe.run(
                bubblewrap, arguments: profile.bubblewrapArguments(command: "/bin/sh", arguments: ["-c", "exit 0"]))
            if result.timedOut { return "bwrap did not finish within 10 s" }
            guard result.status.code == 0 else {
                let said = result.standardErrorText.split(separator: "\n").last.map(String.init) ?? ""
                return "\(bubblewrap) \(result.status)\(said.isEmpty ? "" : ": " + TextSanitizer.excerpt(said, limit: 200))"
            }
            return nil
        } catch {
            return "could not start \(bubblewrap): \(error)"
        }
    }
}
