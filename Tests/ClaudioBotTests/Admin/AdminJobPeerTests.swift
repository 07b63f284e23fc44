import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// A job's processes get 403 on every endpoint (SPEC §12). The test process plays the daemon: a curl it starts
/// descends from it as a job's would from the daemon, while its in-process `AdminClient` is the daemon itself.
@Suite("The admin API refuses a job's processes", .timeLimit(.minutes(1)))
struct AdminJobPeerTests {
    static let curl = ExecutableLocator.locate("curl", searchPath: TestReaper.environment["PATH"])
    static let refusal = #"{"error":"jobs may not use the admin API"}"#

    /// Runs `curl` with `arguments` plus `-w '\n%{http_code}'` as a plain child (no `CLAUDIO_JOB_ID`: only its
    /// ancestry marks it) and returns the body and the status code.
    func runCurl(_ arguments: [String]) async throws -> (body: String, status: String) {
        let process = try TestReaper.launcher.launch(
            LaunchRequest(
                executablePath: try #require(Self.curl), arguments: ["-sS", "--max-time", "5", "-w", "\n%{http_code}"]
                    + arguments,
                environment: TestReaper.environment, standardOutput: .capture, standardError: .capture))
        let errors = Task {
            var text = ""
            for await chunk in process.standardError { text += String(decoding: chunk, as: UTF8.self) }
            return text
        }
        var output = ""
        for await chunk in process.standardOutput { output += String(decoding: chunk, as: UTF8.self) }
        let status = await process.waitForExit()
        let errorText = await errors.value
        #expect(status == .exited(0), "curl: \(errorText)")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.dropLast().joined(separator: "\n"), String(lines.last ?? ""))
    }

    @Test("curl started by the daemon gets 403 on every endpoint while the daemon's own client is served",
          .enabled(if: curl != nil))
    func curlChildRefused() async throws {
        let running = try await RunningAdminServer.start()
        defer { running.removeDirectory() }
        do {
            let url = "http://localhost"
            let socket = ["--unix-socket", running.socketPath]
            for request in [[url + "/v1/status"], [url + "/v1/snapshot"], ["-X", "POST", url + "/v1/jobs/j1/kill"],
                            ["-X", "POST", url + "/v1/reload"], [url + "/v1/history"], [url + "/metrics"],
                            [url + "/v1/nothing"]] {
                let answer = try await runCurl(socket + request)
                #expect(answer.status == "403", "\(request)")
                #expect(answer.body == Self.refusal, "\(request)")
            }
            #expect(try await AdminClient(socketPath: running.socketPath).status() == FakeAdminBackend.statusAnswer)
        } catch {
            try? await running.stop()
            throw error
        }
        try await running.stop()
    }

    @Test("the server asks its detector about each connection's peer PID and refuses when it says job")
    func detectorDecides() async throws {
        let detector = ScriptedJobPeerDetector(isJob: true)
        let backend = FakeAdminBackend()
        let running = try await RunningAdminServer.start(backend: backend, jobPeers: detector)
        defer { running.removeDirectory() }
        let client = AdminClient(socketPath: running.socketPath)
        let status = await #expect(throws: AdminClientError.self) { try await client.status() }
        let denied = await #expect(throws: AdminClientError.self) { try await client.denied(limit: 5) }
        try await running.stop()
        #expect(status == .refused(status: 403, message: "jobs may not use the admin API"))
        #expect(denied == .refused(status: 403, message: "jobs may not use the admin API"))
        #expect(detector.askedPIDs.allSatisfy { $0 == getpid() } && !detector.askedPIDs.isEmpty)
        #expect(await backend.deniedLimits.isEmpty, "the backend was reached")
    }
}
