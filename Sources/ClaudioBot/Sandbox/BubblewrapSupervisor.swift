import Foundation
import Shared

/// Runs each job inside bubblewrap (SPEC §12): a second implementation of `ProcessSupervisor`.
///
/// The job's processes are still the daemon's descendants (bubblewrap and its namespace init are the first two), so
/// they are found and counted the way `HostProcessSupervisor` finds them, by walking down from bubblewrap — which
/// covers the job's whole PID namespace, since an orphan inside it is reparented to the namespace's init; only the
/// kill differs (`NamespaceKiller`).
struct BubblewrapSupervisor<C: Clock<Duration>>: ProcessSupervisor {
    /// The `bwrap` executable.
    let bubblewrapPath: String
    /// What a job sees; built when each job starts, since the files it hides may appear after the daemon started.
    let profile: @Sendable (_ workingDirectory: String?) -> SandboxProfile
    let launcher: ProcessLauncher
    var killer: NamespaceKiller<C>

    func launch(_ request: LaunchRequest, tag: String) throws(SupervisorError) -> JobProcessTree {
        var wrapped = request
        wrapped.jobTag = tag
        wrapped.executablePath = bubblewrapPath
        var profile = profile(request.workingDirectory)
        profile.makeReadable(request.executablePath)
        wrapped.arguments = profile.bubblewrapArguments(command: request.executablePath, arguments: request.arguments)
        return JobProcessTree(root: try launcher.launch(wrapped))
    }

    func processCount(of job: JobProcessTree) async -> Int {
        await job.liveMemberCount()
    }

    func kill(_ job: JobProcessTree) async -> KillReport {
        await job.killOnce { [killer] in await killer.kill(job) }
    }
}

extension BubblewrapSupervisor where C == ContinuousClock {
    /// The daemon's sandboxed supervisor, with the profile of SPEC §12 for `settings`.
    init(bubblewrapPath: String, settings: Settings, home: String?, launcher: ProcessLauncher) {
        self.init(
            bubblewrapPath: bubblewrapPath,
            profile: { workingDirectory in
                var profile = SandboxProfile.forJobs(settings: settings, home: home)
                if let workingDirectory { profile.workingDirectory = workingDirectory }
                return profile
            },
            launcher: launcher, killer: NamespaceKiller(clock: ContinuousClock()))
    }
}
