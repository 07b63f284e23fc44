import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// Connects with `curl --unix-socket` from child processes, as the operator would, and as another user.
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
        let running = try await RunningAdminServer.start()
        defer { running.removeDirectory() }
        let result = try await probe.run(
            try #require(Self.curl), arguments: curlStatus(running.socketPath), environment: TestReaper.environment)
        try await running.stop()

        #expect(result.status == .exited(0))
        let status = try AdminJSON.decoder.decode(StatusResponse.self, from: Data(result.standardOutput))
        #expect(status == FakeAdminBackend.statusAnswer)
    }

    @Test(
        "a user other than the daemon's and root is turned away even when file modes let it connect",
        .enabled(if: geteuid() == 0 && curl != nil && setpriv != nil))
    func otherUserRefused() async throws {
        let running = try await RunningAdminServer.start()
        defer { running.removeDirectory() }
        // Open the path to everyone, so only the peer-credential check stands between nobody and the API.
        chmod(running.directory, 0o711)
        chmod(running.directory + "/run", 0o711)
        chmod(running.socketPath, 0o666)

        let arguments = ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", "--", try #require(Self.curl)]
            + curlStatus(running.socketPath)
        let result = try await probe.run(
            try #require(Self.setpriv), arguments: arguments, environment: TestReaper.environment)
        let stillServesRoot = try await AdminClient(socketPath: running.socketPath).status()
        try await running.stop()

        // Connected, then closed without a byte of HTTP: curl reports 52 "Empty reply from server", or 56
        // "Connection reset by peer" when the close beat the request's arrival.
        #expect([.exited(52), .exited(56)].contains(result.status), "curl: \(result.standardErrorText) DEBUG \(String(UnixSocketTestSupport.mode(of: running.directory) ?? 0, radix: 8)) \(String(UnixSocketTestSupport.mode(of: running.directory + "/run") ?? 0, radix: 8)) \(String(UnixSocketTestSupport.mode(of: running.socketPath) ?? 0, radix: 8))")
        #expect(result.standardOutput.isEmpty)
        #expect(stillServesRoot.pid == 4242)
    }
}
