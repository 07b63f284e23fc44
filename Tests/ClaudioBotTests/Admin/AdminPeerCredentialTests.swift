import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// Connects with `curl --unix-socket` from child processes, as the operator would, and as another user.
///
/// An operator's curl does not descend from the daemon; here it descends from the test process, which plays the
/// daemon, so these servers are told that no peer is a job (`AdminJobPeerTests` covers jobs).
@Suite("Admin socket peer credentials with curl", .timeLimit(.minutes(1)))
struct AdminPeerCredentialTests {
    static let curl = ExecutableLocator.locate("curl", searchPath: TestReaper.environment["PATH"])
    static let setpriv = ExecutableLocator.locate("setpriv", searchPath: TestReaper.environment["PATH"])
    static let nobody: UInt32 = 65_534

    let probe = CommandProbe(launcher: TestReaper.launcher, timeout: .seconds(15))

    func curlStatus(_ socketPath: String) -> [String] {
        ["-sS", "--max-time", "5", "--unix-socket", socketPath, "http://localhost/v1/status"]
    }

    @Test("curl --unix-socket reaches the API as the daemon's own user", .enabled(if: curl != nil))
    func curlAsOwner() async throws {
        let running = try await RunningAdminServer.start(jobPeers: ScriptedJobPeerDetector(isJob: false))
        defer { running.removeDirectory() }
        let result = try await probe.run(
            try #require(Self.curl), arguments: curlStatus(running.socketPath), environment: TestReaper.environment)
        try await running.stop()

        #expect(result.status == .exited(0))
        let status = try AdminJSON.decoder.decode(StatusResponse.self, from: Data(result.standardOutput))
        #expect(status == FakeAdminBackend.statusAnswer)
    }

    /// Runs `curl …/v1/status` as nobody against a fresh server serving `allowedPeerUIDs`, with the socket's path
    /// opened to everyone so that only the peer-credential check can stand between nobody and the API.
    func curlAsNobody(allowedPeerUIDs: Set<UInt32>?) async throws -> ProbeResult {
        let running = try await RunningAdminServer.start(
            allowedPeerUIDs: allowedPeerUIDs, jobPeers: ScriptedJobPeerDetector(isJob: false))
        defer { running.removeDirectory() }
        chmod(running.directory, 0o711)
        chmod(running.directory + "/run", 0o711)
        chmod(running.socketPath, 0o666)
        let arguments = ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", "--",
                         try #require(Self.curl)] + curlStatus(running.socketPath)
        let result: ProbeResult
        do {
            result = try await probe.run(
                try #require(Self.setpriv), arguments: arguments, environment: TestReaper.environment)
            #expect(try await AdminClient(socketPath: running.socketPath).status().pid == 4242)
        } catch {
            try? await running.stop()
            throw error
        }
        try await running.stop()
        return result
    }

    @Test(
        "a user other than the daemon's and root is turned away even when file modes let it connect",
        .enabled(if: geteuid() == 0 && curl != nil && setpriv != nil))
    func otherUserRefused() async throws {
        // The control: with nobody allowed, the same opened-up path serves nobody, so the file modes let it in.
        let allowed = try await curlAsNobody(allowedPeerUIDs: [Self.nobody, geteuid(), 0])
        #expect(allowed.status == .exited(0), "curl: \(allowed.standardErrorText)")
        #expect(allowed.standardOutputText.contains("\"pid\":4242"))

        let refused = try await curlAsNobody(allowedPeerUIDs: nil)
        // The server closes the connection as soon as it is accepted, before a byte of HTTP; curl reports that as
        // 7 (the close seen while it completes the connect), 52 (empty reply) or 56 (connection reset).
        #expect([.exited(7), .exited(52), .exited(56)].contains(refused.status), "curl: \(refused.standardErrorText)")
        #expect(refused.standardOutput.isEmpty)
    }
}
