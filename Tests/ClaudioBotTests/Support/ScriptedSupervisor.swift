@testable import ClaudioBot

/// A `ProcessSupervisor` for scheduler tests: it launches a real stand-in process (so a job has a PID) and reports a
/// fixed process count; a kill first tells the test's executor, then kills the stand-in.
struct ScriptedSupervisor: ProcessSupervisor {
    static let standIn = LaunchRequest(
        executablePath: "/bin/sleep", arguments: ["1000"], standardOutput: .nullDevice, standardError: .nullDevice)

    let processCount: Int
    let onKill: @Sendable () async -> Void
    private let host = FakeClaude.supervisor()

    init(processCount: Int, onKill: @escaping @Sendable () async -> Void) {
        self.processCount = processCount
        self.onKill = onKill
    }

    func launch(_ request: LaunchRequest, tag: String) throws(SupervisorError) -> JobProcessTree {
        try host.launch(request, tag: tag)
    }

    func processCount(of job: JobProcessTree) async -> Int {
        processCount
    }

    func kill(_ job: JobProcessTree) async -> KillReport {
        await onKill()
        var report = await host.kill(job)
        report.killedCount = processCount
        return report
    }
}
