import Glibc
import Synchronization

/// A child started by `ProcessLauncher`: its PID, its captured output and its exit status.
final class LaunchedProcess: Sendable {
    let pid: pid_t
    let executablePath: String
    /// The `CLAUDIO_JOB_ID` value the child was started with, if any.
    let jobTag: String?
    /// The child's start time as `/proc` reported it at spawn time (see `identity`).
    let startTime: UInt64?
    /// Chunks of standard output, finishing at EOF — that is, once every process holding the pipe
    /// (grandchildren included) has closed it. Empty unless the output was `.capture`d. Iterate it once.
    let standardOutput: AsyncStream<[UInt8]>
    /// Chunks of standard error; same rules as `standardOutput`.
    let standardError: AsyncStream<[UInt8]>

    private let standardInput: Mutex<Int32?>
    private let exit: PendingExit
    private let reaper: ChildReaper

    init(child: SpawnedChild, reaper: ChildReaper, executablePath: String, jobTag: String?,
         standardInput: Int32?, standardOutput: AsyncStream<[UInt8]>, standardError: AsyncStream<[UInt8]>) {
        self.pid = child.pid
        self.startTime = child.startTime
        self.exit = child.exit
        self.reaper = reaper
        self.executablePath = executablePath
        self.jobTag = jobTag
        self.standardInput = Mutex(standardInput)
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    deinit {
        if let fd = standardInput.withLock({ $0.take() }) { close(fd) }
    }

    /// The identity the child had at spawn time, for `/proc` scans that must not confuse a reused PID.
    var identity: ProcessIdentity? {
        startTime.map { ProcessIdentity(pid: pid, startTime: $0) }
    }

    /// Writes `bytes` to the child's standard input and closes it; the child's output keeps being drained meanwhile.
    /// Use `async let` to read the output while it runs.
    /// - Returns: whether the child took all of `bytes`: false if it exited or closed its stdin first, if stdin was
    ///   not a pipe, or if it was already closed or handed out.
    func writeAndClose(_ bytes: [UInt8]) async -> Bool {
        guard let writer = openStandardInput() else { return false }
        return await writer.writeLast(bytes)
    }

    /// Hands the child's standard input to a writer that keeps it open until told to close it (a conversation over
    /// stdin, such as claude's control protocol). Nil if stdin was not a pipe or was already taken.
    func openStandardInput() -> StandardInputWriter? {
        guard let fd = standardInput.withLock({ $0.take() }) else { return nil }
        return StandardInputWriter(fd: fd)
    }

    /// Closes the child's standard input without writing (the child sees EOF).
    func closeStandardInput() {
        if let fd = standardInput.withLock({ $0.take() }) { close(fd) }
    }

    /// The orphans the daemon inherited, among which the job's reparented processes are found.
    var inheritedOrphans: InheritedOrphans { reaper.orphans }

    /// Sends `signal` to the process unless it has already been reaped (its PID may then be reused).
    /// This signals the process alone; use `ProcessTreeKiller` to stop a job.
    /// - Returns: whether the signal was sent.
    @discardableResult
    func signal(_ signal: Int32) -> Bool {
        reaper.sendSignal(signal, to: pid)
    }

    /// The exit status, once the reaper has collected it.
    var exitStatus: ExitStatus? { exit.status }

    /// Suspends until the child has exited. Not cancellable: kill the process to end the wait.
    func waitForExit() async -> ExitStatus {
        await exit.wait()
    }
}
