import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// `make demo`'s driver, without its console (`--no-console`): everything it starts is up and scripted, and a SIGTERM
/// stops all of it.
@Suite("The demo: the daemon against the fake Telegram with scripted users, stopped whole on exit", .serialized)
struct DemoEndToEndTests {
    static let demoPath = URL(fileURLWithPath: ClaudioBinary.path).deletingLastPathComponent()
        .appendingPathComponent("ClaudioDemo").path

    @Test("the panels fill with the script's jobs, request and strangers; SIGTERM stops the daemon and removes the scratch")
    func demoRunsAndStops() async throws {
        let demo = try TestReaper.launcher.launch(
            LaunchRequest(
                executablePath: Self.demoPath, arguments: ["--no-console"],
                environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"],
                standardInput: .nullDevice, standardOutput: .capture, standardError: .capture))
        let output = OutputLines(demo.standardOutput)
        do {
            try await check(demo, output: output)
        } catch {
            // SIGTERM, never SIGKILL: the demo must live to stop its daemon, which runs in a process group of its own.
            _ = demo.signal(SIGTERM)
            _ = await demo.waitForExit()
            throw error
        }
    }

    private func check(_ demo: LaunchedProcess, output: OutputLines) async throws {
        let announced = try #require(await output.first { $0.hasPrefix("Admin socket: ") }, "no socket announced")
        let socket = String(announced.dropFirst("Admin socket: ".count).prefix { $0 != " " })
        let daemonLine = try #require(await output.seen.first { $0.contains("daemon pid ") })
        let daemonPID = try #require(pid_t(daemonLine.split(separator: " ")[4]), "\(daemonLine)")
        let client = AdminClient(socketPath: socket)
        var snapshot: SnapshotResponse?
        let filled = await ProcessLiveness.waitUntil(timeout: .seconds(40)) {
            snapshot = try? await client.snapshot()
            guard let snapshot else { return false }
            return snapshot.jobs.contains { $0.promptExcerpt.hasPrefix("TREE") && $0.processes > 1 }
                && snapshot.approvals.contains { $0.summary == "make install" }
                && Set(snapshot.denied.compactMap(\.username)).isSuperset(of: ["mallory", "trudy"])
                && snapshot.history.contains { $0.outcome == .ok }
        }
        #expect(filled, "the script did not fill the panels: \(String(describing: snapshot))")
        let scratch = URL(fileURLWithPath: socket).deletingLastPathComponent().deletingLastPathComponent().path
        #expect(FileManager.default.fileExists(atPath: scratch + "/demo.env"))

        _ = demo.signal(SIGTERM)
        #expect(await demo.waitForExit() == .exited(0))
        #expect(await output.first { $0.hasPrefix("Stopped the daemon (pid \(daemonPID), status 0)") } != nil)
        #expect(ProcStat.read(pid: daemonPID)?.isLive != true, "the daemon outlived the demo")
        #expect(!FileManager.default.fileExists(atPath: scratch), "the scratch directory is left")
    }
}

/// A process's output as lines, kept so a test can wait for one and look back at the earlier ones.
private actor OutputLines {
    private(set) var seen: [String] = []
    private var ended = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ stream: AsyncStream<[UInt8]>) {
        Task { await self.read(stream) }
    }

    private func read(_ stream: AsyncStream<[UInt8]>) async {
        var pending: [UInt8] = []
        for await chunk in stream {
            pending += chunk
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                seen.append(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
            wake()
        }
        ended = true
        wake()
    }

    private func wake() {
        for waiter in waiters { waiter.resume() }
        waiters = []
    }

    /// The first line matching `predicate`, waiting for it; nil if the output ends without one.
    func first(where predicate: @Sendable (String) -> Bool) async -> String? {
        while true {
            if let line = seen.first(where: predicate) { return line }
            if ended { return nil }
            await withCheckedContinuation { waiters.append($0) }
        }
    }
}
