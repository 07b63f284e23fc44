import Glibc

@testable import ClaudioBot

/// Notes, from `/proc`, every process of one job while it runs: those carrying its tag (`CLAUDIO_JOB_ID`) and every
/// descendant of them (the CLI's Bash tool starts commands with `setsid`, which leaves the parent link intact), with
/// their command lines, so a test can check afterwards that none of them is left. It never signals anything.
actor JobProcessWatch {
    let tag: String
    /// Every process seen in the job, with its command line (arguments joined by spaces).
    private(set) var seen: [ProcessIdentity: String] = [:]
    private var poller: Task<Void, Never>?

    init(tag: String) {
        self.tag = tag
    }

    /// Scans every `interval` until `stop()`.
    func start(interval: Duration = .milliseconds(25)) {
        poller = Task {
            while !Task.isCancelled {
                self.scan()
                try? await Task.sleep(for: interval)
            }
        }
    }

    func stop() {
        poller?.cancel()
        poller = nil
    }

    /// Whether a process with exactly this command line was seen in the job.
    func sawCommand(_ commandLine: String) -> Bool {
        seen.values.contains(commandLine)
    }

    /// The processes seen in the job that still run (same PID and start time).
    func survivors() -> [String] {
        seen.filter { ProcessLiveness.isAlive($0.key) }.map { "\($0.key) \($0.value)" }
    }

    private func scan() {
        let table = ProcessTable.scan()
        let tagged = table.processes(withEnvironmentEntry: "\(ProcessLauncher.jobTagVariable)=\(tag)")
        // The tagged processes and everything below them, walked the way the daemon walks a job.
        for stat in JobProcessTree.members(from: tagged.map(\.identity), in: table, excluding: getpid())
        where seen[stat.identity] == nil {
            seen[stat.identity] = Self.commandLine(of: stat.pid)
        }
    }

    private static func commandLine(of pid: pid_t) -> String {
        guard let bytes = ProcFile.read("/proc/\(pid)/cmdline") else { return "?" }
        return bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }
}
