import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

@Suite("Admin socket: permissions, single daemon, stale files, clean-up, peer credentials", .timeLimit(.minutes(1)))
struct AdminServerSocketTests {
    @Test("the socket is created 0600 in a directory created 0700")
    func permissions() async throws {
        let running = try await RunningAdminServer.start()
        defer { running.removeDirectory() }
        let socketMode = UnixSocketTestSupport.mode(of: running.socketPath)
        let directoryMode = UnixSocketTestSupport.mode(of: running.directory + "/run")
        try await running.stop()
        #expect(socketMode == 0o600)
        #expect(directoryMode == 0o700)
    }

    @Test("binding leaves the process umask as it was")
    func umaskRestored() async throws {
        // Read through the mask's guard: servers of other tests may be inside their bind window right now.
        let before = try #require(await SocketCreationMask.shared.restingMask())
        let running = try await RunningAdminServer.start()
        defer { running.removeDirectory() }
        let whileServing = await SocketCreationMask.shared.restingMask()
        try await running.stop()
        #expect(whileServing == before)
        #expect(await SocketCreationMask.shared.restingMask() == before)
    }

    @Test("a second server on the same path refuses to start while the first serves")
    func secondServerRefused() async throws {
        let first = try await RunningAdminServer.start()
        defer { first.removeDirectory() }
        let second = AdminServer(
            socketPath: first.socketPath, backend: FakeAdminBackend(), logger: RunningAdminServer.quietLogger)

        let error = await #expect(throws: AdminServerError.self) { try await second.run() }
        #expect(error == .anotherDaemonServing(path: first.socketPath))
        #expect(error.map { String(describing: $0) } == "another Claudio daemon is serving \(first.socketPath)")
        await #expect(throws: AdminServerError.self) { try await second.waitUntilListening() }

        #expect(try await AdminClient(socketPath: first.socketPath).status().pid == 4242)
        try await first.stop()
    }

    @Test("a socket file left by a dead daemon is replaced")
    func staleSocketReplaced() async throws {
        let directory = try RunningAdminServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/run", withIntermediateDirectories: false)
        let socketPath = directory + "/run/admin.sock"
        try UnixSocketTestSupport.leaveStaleSocket(at: socketPath)
        let staleInode = UnixSocketTestSupport.inode(of: socketPath)
        #expect(staleInode != nil)
        // A second name keeps the stale inode allocated, so the new socket cannot be given the same number.
        #expect(link(socketPath, directory + "/stale.sock") == 0)

        let running = try await RunningAdminServer.start(in: directory)
        #expect(UnixSocketTestSupport.inode(of: socketPath) != staleInode)
        #expect(try await AdminClient(socketPath: socketPath).jobs() == FakeAdminBackend.jobsAnswer)
        try await running.stop()
    }

    @Test("an existing socket directory of ours that others may enter is made 0700 before the bind")
    func openDirectoryNarrowed() async throws {
        let directory = try RunningAdminServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        mkdir(directory + "/run", 0o700)
        chmod(directory + "/run", 0o777)
        let running = try await RunningAdminServer.start(in: directory)
        let mode = UnixSocketTestSupport.mode(of: directory + "/run")
        try await running.stop()
        #expect(mode == 0o700)
    }

    @Test("a socket directory of another user, or a shared sticky one, stops the start and is left as it was")
    func foreignOrSharedDirectoryRefused() async throws {
        let directory = try RunningAdminServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let shared = directory + "/shared"
        mkdir(shared, 0o700)
        chmod(shared, 0o1777)
        let sharedServer = AdminServer(
            socketPath: shared + "/admin.sock", backend: FakeAdminBackend(), logger: RunningAdminServer.quietLogger)
        let sharedError = await #expect(throws: AdminServerError.self) { try await sharedServer.run() }
        #expect(sharedError == .socketDirectoryShared(directory: shared))
        #expect(UnixSocketTestSupport.mode(of: shared) == 0o1777)

        guard geteuid() == 0 else { return }
        let foreign = directory + "/foreign"
        mkdir(foreign, 0o700)
        chown(foreign, 65534, 65534)
        let foreignServer = AdminServer(
            socketPath: foreign + "/admin.sock", backend: FakeAdminBackend(), logger: RunningAdminServer.quietLogger)
        let foreignError = await #expect(throws: AdminServerError.self) { try await foreignServer.run() }
        #expect(foreignError == .socketDirectoryNotOurs(directory: foreign, owner: 65534, expected: 0))
        #expect(foreignError.map { String(describing: $0) }?.contains("is owned by uid 65534") == true)
    }

    @Test("something other than a socket at the path is left alone and stops the start")
    func regularFileKept() async throws {
        let directory = try RunningAdminServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/admin.sock"
        try "keep me".write(toFile: path, atomically: false, encoding: .utf8)
        let server = AdminServer(socketPath: path, backend: FakeAdminBackend(), logger: RunningAdminServer.quietLogger)

        let error = await #expect(throws: AdminServerError.self) { try await server.run() }
        #expect(error == .notASocket(path: path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test("stopping removes the socket file")
    func socketRemovedOnStop() async throws {
        let running = try await RunningAdminServer.start()
        defer { running.removeDirectory() }
        #expect(UnixSocketTestSupport.exists(running.socketPath))
        try await running.stop()
        #expect(!UnixSocketTestSupport.exists(running.socketPath))
    }

    @Test("a client with no daemon is told the daemon is unreachable, not refused")
    func clientWithoutDaemon() async throws {
        let directory = try RunningAdminServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = directory + "/admin.sock"
        let error = await #expect(throws: AdminClientError.self) {
            try await AdminClient(socketPath: missing).status()
        }
        #expect(error == .unreachable(path: missing, reason: "no socket there (is `claudio run` running?)"))

        let stale = directory + "/stale.sock"
        try UnixSocketTestSupport.leaveStaleSocket(at: stale)
        let staleError = await #expect(throws: AdminClientError.self) {
            try await AdminClient(socketPath: stale).snapshot()
        }
        guard case .unreachable(let path, let reason) = staleError else {
            Issue.record("expected unreachable, got \(String(describing: staleError))")
            return
        }
        #expect(path == stale)
        #expect(reason.contains("connection refused"))
    }

    @Test("a connection from a uid that is not served is closed before any answer")
    func peerOfOtherUIDClosed() async throws {
        // Serve only a uid this process does not run as, so this test's own client is the stranger.
        let stranger = geteuid() == 65_000 ? UInt32(65_001) : UInt32(65_000)
        let running = try await RunningAdminServer.start(allowedPeerUIDs: [stranger])
        defer { running.removeDirectory() }
        let error = await #expect(throws: AdminClientError.self) {
            try await AdminClient(socketPath: running.socketPath).status()
        }
        try await running.stop()
        guard case .unreachable(_, let reason) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("closed the connection"))
    }
}
