/// Reads what a job's processes are doing: the seam between the job's periodic refresh and `/proc` (SPEC §17).
///
/// It never searches for the job's processes: it reads the members the job's `ProcessSupervisor` found at its
/// latest count (`JobProcessTree.lastSeenMembers`), so the cost follows the job's size, not the host's.
protocol JobProcessSampler: Sendable {
    /// The job's processes now, each with its CPU share since `previous`, the same job's last sample.
    func sample(_ tree: JobProcessTree, after previous: JobProcessSample?) async -> JobProcessSample

    /// The command lines of `processes`; a process that is gone, or whose PID now names another, is left out.
    func commandLines(of processes: [ProcessIdentity]) async -> [ProcessIdentity: String]
}
