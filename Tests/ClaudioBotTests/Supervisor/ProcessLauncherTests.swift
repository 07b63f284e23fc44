import Foundation
import Glibc
import Testing
@testable import ClaudioBot

@Suite("ProcessLauncher", .timeLimit(.minutes(1)))
struct ProcessLauncherTests {
    private static func text(_ stream: AsyncStream<[UInt8]>) async -> String {
        var bytes: [UInt8] = []
        for await chunk in stream { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("captures stdout and stderr separately and reports the exit code")
    func capturesOutputAndExitCode() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.script("tool", "echo hello; echo oops >&2; exit 3")
        let process = try TestReaper.launcher.launch(LaunchRequest(executablePath: path, environment: TestReaper.environment))
        defer { process.signal(SIGKILL) }

        async let output = Self.text(process.standardOutput)
        async let errors = Self.text(process.standardError)
        #expect(await output == "hello\n")
        #expect(await errors == "oops\n")
        #expect(await process.waitForExit(killingAfter: .seconds(10)) == .exited(3))
        #expect(process.exitStatus?.code == 3)
    }

    @Test("passes arguments, exactly the given environment plus the job tag, and the working directory")
    func passesArgumentsEnvironmentAndDirectory() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.script("tool", #"printf '%s|' "$1" "$2" "$GREETING" "$CLAUDIO_JOB_ID" "$HOME"; pwd"#)
        let process = try TestReaper.launcher.launch(LaunchRequest(
            executablePath: path, arguments: ["--version", "two words"],
            environment: ["GREETING": "hi", "CLAUDIO_JOB_ID": "overridden"],
            workingDirectory: scratch.path, jobTag: "job-7"))
        defer { process.signal(SIGKILL) }

        let output = await Self.text(process.standardOutput)
        let directory = try #require(realpath(scratch.path, nil))
        defer { free(directory) }
        #expect(output == "--version|two words|hi|job-7||\(String(cString: directory))\n")
        #expect(await process.waitForExit(killingAfter: .seconds(10)) == .exited(0))
    }

    @Test("bytes written to stdin reach the child, even a megabyte the child echoes back while we write")
    func standardInputReachesChild() async throws {
        let process = try TestReaper.launcher.launch(LaunchRequest(
            executablePath: "/bin/cat", environment: TestReaper.environment, standardInput: .pipe))
        defer { process.signal(SIGKILL) }
        let input = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 % 251) }
        async let written = process.writeAndClose(input)

        var echoed: [UInt8] = []
        for await chunk in process.standardOutput { echoed += chunk }
        #expect(await written)
        #expect(echoed == input)
        #expect(await process.writeAndClose([1, 2, 3]) == false, "stdin is closed after the first write")
        #expect(await process.waitForExit(killingAfter: .seconds(10)) == .exited(0))
    }

    @Test("a child that exits without reading its stdin costs an EPIPE, not the daemon")
    func brokenStdinPipeIsHarmless() async throws {
        let process = try TestReaper.launcher.launch(LaunchRequest(
            executablePath: "/bin/true", environment: TestReaper.environment, standardInput: .pipe))
        defer { process.signal(SIGKILL) }
        #expect(await process.waitForExit(killingAfter: .seconds(10)) == .exited(0))
        // More than a pipe buffer: the write must end in EPIPE, which only works with SIGPIPE ignored.
        #expect(await process.writeAndClose(Array(repeating: 0x41, count: 1_048_576)) == false)
    }

    @Test("a child started while the daemon ignores and blocks SIGTERM has default dispositions and an empty mask")
    func childGetsDefaultSignalHandling() async throws {
        // The disposition is process-wide, so ignore SIGTERM only around the spawn itself; the mask
        // is this thread's own.
        var blockTerm = sigset_t()
        var previousMask = sigset_t()
        sigemptyset(&blockTerm)
        sigaddset(&blockTerm, SIGTERM)
        let previousHandler = signal(SIGTERM, SIG_IGN)
        pthread_sigmask(SIG_BLOCK, &blockTerm, &previousMask)
        let launched = Result { () throws(SupervisorError) in
            try TestReaper.launcher.launch(LaunchRequest(executablePath: "/bin/sleep", arguments: ["1000"]))
        }
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        signal(SIGTERM, previousHandler)
        let process = try launched.get()
        defer { process.signal(SIGKILL) }

        let status = try #require(ProcFile.read("/proc/\(process.pid)/status"))
        func signalSet(_ name: String) throws -> UInt64 {
            let line = try #require(String(decoding: status, as: UTF8.self).split(separator: "\n")
                .first { $0.hasPrefix("\(name):\t") })
            return try #require(UInt64(line.dropFirst(name.count + 2), radix: 16))
        }
        // Bit n-1 stands for signal n. Signals 32 and 33 are glibc's own (thread cancellation, setxid),
        // which posix_spawn leaves ignored on purpose.
        let classicSignals: UInt64 = 0x7fff_ffff
        #expect(try signalSet("SigIgn") & classicSignals == 0)
        #expect(try signalSet("SigBlk") == 0)
        #expect(process.signal(SIGTERM))
        let exit = await process.waitForExit(killingAfter: .seconds(10))
        #expect(exit == .signalled(SIGTERM))
        #expect(exit.code == 143)
    }

    @Test("each child leads its own process group")
    func ownProcessGroup() async throws {
        let process = try TestReaper.launcher.launch(LaunchRequest(executablePath: "/bin/sleep", arguments: ["1000"]))
        defer { process.signal(SIGKILL) }
        let stat = try #require(ProcStat.read(pid: process.pid))
        #expect(stat.processGroup == process.pid)
        #expect(stat.parentPID == getpid())
        #expect(process.signal(SIGKILL))
        #expect(await process.waitForExit(killingAfter: .seconds(10)) == .signalled(SIGKILL))
    }

    @Test("a child that exits before anyone waits still reports its status, to every waiter")
    func earlyExitIsKept() async throws {
        let process = try TestReaper.launcher.launch(LaunchRequest(executablePath: "/bin/false"))
        defer { process.signal(SIGKILL) }
        #expect(await ProcessLiveness.waitUntil { process.exitStatus != nil })
        async let first = process.waitForExit(killingAfter: .seconds(10))
        async let second = process.waitForExit(killingAfter: .seconds(10))
        #expect(await [first, second] == [.exited(1), .exited(1)])
    }

    @Test("no descriptor of the daemon leaks into the child beyond 0, 1 and 2")
    func noDescriptorLeaks() async throws {
        let process = try TestReaper.launcher.launch(LaunchRequest(
            executablePath: "/bin/ls", arguments: ["/proc/self/fd"], environment: TestReaper.environment))
        defer { process.signal(SIGKILL) }
        let output = await Self.text(process.standardOutput)
        // ls itself opens one descriptor to list the directory.
        let descriptors = output.split(separator: "\n").compactMap { Int($0) }.filter { $0 > 3 }
        #expect(descriptors.isEmpty, "inherited descriptors: \(descriptors)")
        #expect(await process.waitForExit(killingAfter: .seconds(10)) == .exited(0))
    }

    @Test("starting a missing or non-executable file fails with an error naming the path and the reason")
    func spawnErrorsNameThePath() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let missing = "\(scratch.path)/not-there"
        #expect(throws: SupervisorError.spawnFailed(path: missing, errno: ENOENT)) {
            try TestReaper.launcher.launch(LaunchRequest(executablePath: missing))
        }
        #expect(SupervisorError.spawnFailed(path: missing, errno: ENOENT).description
            == "cannot start \(missing): No such file or directory")

        let plain = try scratch.script("plain", "exit 0")
        chmod(plain, 0o644)
        #expect(throws: SupervisorError.spawnFailed(path: plain, errno: EACCES)) {
            try TestReaper.launcher.launch(LaunchRequest(executablePath: plain))
        }
    }
}
