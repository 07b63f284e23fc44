import Foundation
import Glibc
import Synchronization
import Testing
@testable import ClaudioBot

/// A fake job for the supervisor tests: a shell script started with a unique job tag, its process
/// tree, and everything it is known to have started, so `cleanUp()` (synchronous, for `defer`) can
/// SIGKILL whatever an early-failing test left behind.
final class TestJob: Sendable {
    let scratch: ScratchDirectory
    let process: LaunchedProcess
    let tree: JobProcessTree
    let tag: String
    private let recorded = Mutex<Set<ProcessIdentity>>([])

    /// Starts `/bin/sh` script `body` (with `arguments` as `$1…`) under a fresh tag.
    init(script body: String, arguments: [String] = [], standardInput: LaunchRequest.Input = .nullDevice) throws {
        scratch = try ScratchDirectory()
        do {
            let path = try scratch.script("job", body)
            tag = "test-\(UUID().uuidString)"
            process = try TestReaper.launcher.launch(LaunchRequest(
                executablePath: path, arguments: arguments, environment: TestReaper.environment,
                workingDirectory: scratch.path, jobTag: tag, standardInput: standardInput))
            tree = JobProcessTree(root: process)
        } catch {
            scratch.remove()
            throw error
        }
        if let identity = process.identity { record(identity) }
    }

    /// The script's standard output split into lines, for scripts that announce PIDs with `echo`.
    func outputLines() -> AsyncStream<String> {
        let output = process.standardOutput
        return AsyncStream { continuation in
            let reader = Task {
                var pending: [UInt8] = []
                for await chunk in output {
                    pending += chunk
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        continuation.yield(String(decoding: pending[..<newline], as: UTF8.self))
                        pending.removeSubrange(...newline)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in reader.cancel() }
        }
    }

    /// Reads the next line as a PID and records that process for cleanup.
    func nextPID(from lines: inout AsyncStream<String>.Iterator) async throws -> ProcessIdentity {
        let line = try #require(await lines.next(), "the script ended before announcing a PID")
        let pid = try #require(pid_t(line), "not a PID: \(line)")
        let stat = try #require(ProcStat.read(pid: pid), "process \(pid) is already gone")
        record(stat.identity)
        return stat.identity
    }

    /// A script that double-forks a `sleep` out of its session, announcing its PID, then sleeps itself: the `sleep` is
    /// orphaned at once and reparented to this process, the subreaper (see `nextOrphan(from:)`).
    static let doubleForkingScript = """
        setsid sh -c 'sh -c "echo \\$\\$; exec sleep 1000" &'
        exec sleep 1000
        """

    /// Reads the next line as a PID, as `nextPID(from:)` does, and waits until that process has been reparented to
    /// this process.
    func nextOrphan(
        from lines: inout AsyncStream<String>.Iterator, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ProcessIdentity {
        let orphan = try await nextPID(from: &lines)
        #expect(
            await ProcessLiveness.waitUntil { ProcStat.read(pid: orphan.pid)?.parentPID == getpid() },
            "\(orphan.pid) was not reparented here", sourceLocation: sourceLocation)
        return orphan
    }

    func record(_ identity: ProcessIdentity) {
        recorded.withLock { _ = $0.insert(identity) }
    }

    /// SIGKILLs every live process of the job — tagged, recorded, or descended from either — and
    /// removes the scratch directory.
    func cleanUp() {
        let entry = "\(ProcessLauncher.jobTagVariable)=\(tag)"
        for _ in 0..<20 {
            let table = ProcessTable.scan()
            let remembered = recorded.withLock { $0 }
            let seeds = table.processes.values.filter {
                remembered.contains($0.identity) || ProcessTable.environment(of: $0.pid, contains: entry)
            }.map(\.identity)
            let members = JobProcessTree.members(from: seeds, in: table, excluding: getpid())
            if members.isEmpty { break }
            for member in members { kill(member.pid, SIGKILL) }
            usleep(10_000)
        }
        scratch.remove()
    }
}
