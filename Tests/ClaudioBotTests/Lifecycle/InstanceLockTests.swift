import Foundation
import Glibc
import Shared
import Testing

@testable import ClaudioBot

/// The instance lock against files another local user could have put in a shared lock directory (SPEC §18).
@Suite("Instance lock files")
struct InstanceLockTests {
    let directory: ScratchDirectory
    var lockPath: String { directory.path + "/" + InstanceLock.fileName(for: .telegram) }

    init() throws {
        directory = try ScratchDirectory()
    }

    private func contents(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    private func take() -> Result<InstanceLock, InstanceLockError> {
        Result { () throws(InstanceLockError) in try InstanceLock(channel: .telegram, directory: directory.path) }
    }

    @Test("a new lock file is private and names this process; a second taker is told its PID; release removes it")
    func takeAndRelease() throws {
        defer { directory.remove() }
        let lock = try take().get()
        #expect(contents(lockPath) == "\(getpid())\n")
        #expect((try FileManager.default.attributesOfItem(atPath: lockPath)[.posixPermissions] as? Int) == 0o600)
        #expect(throws: InstanceLockError.heldByAnother(path: lockPath, pid: getpid())) { try take().get() }
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: lockPath))
    }

    @Test("an unlocked file of our own is stale whatever it says, and is taken over and made private")
    func staleOwnFile() throws {
        defer { directory.remove() }
        try "999999\nleft over".write(toFile: lockPath, atomically: false, encoding: .utf8)
        chmod(lockPath, 0o666)
        let lock = try take().get()
        defer { lock.release() }
        #expect(contents(lockPath) == "\(getpid())\n")
        #expect((try FileManager.default.attributesOfItem(atPath: lockPath)[.posixPermissions] as? Int) == 0o600)
    }

    @Test("a symbolic link is refused and the file it points to stays untouched")
    func symbolicLink() throws {
        defer { directory.remove() }
        let victim = directory.path + "/precious.txt"
        try "keep me".write(toFile: victim, atomically: false, encoding: .utf8)
        symlink(victim, lockPath)
        #expect(throws: InstanceLockError.unsafeFile(path: lockPath, problem: .symbolicLink)) { try take().get() }
        #expect(contents(victim) == "keep me")
        let dangling = directory.path + "/nowhere.txt"
        unlink(lockPath)
        symlink(dangling, lockPath)
        #expect(throws: InstanceLockError.unsafeFile(path: lockPath, problem: .symbolicLink)) { try take().get() }
        #expect(!FileManager.default.fileExists(atPath: dangling), "a dangling link must not create its target")
    }

    @Test("a hard link to another file is refused and that file stays untouched")
    func hardLink() throws {
        defer { directory.remove() }
        let victim = directory.path + "/precious.txt"
        try "keep me".write(toFile: victim, atomically: false, encoding: .utf8)
        link(victim, lockPath)
        #expect(throws: InstanceLockError.unsafeFile(path: lockPath, problem: .hardLinks(count: 2))) { try take().get() }
        #expect(contents(victim) == "keep me")
    }

    @Test("another user's file is refused without being locked, read as a PID or written")
    func foreignOwner() throws {
        defer { directory.remove() }
        guard geteuid() == 0 else { return }
        try "4242\n".write(toFile: lockPath, atomically: false, encoding: .utf8)
        chown(lockPath, 65534, 65534)
        let refused = InstanceLockError.unsafeFile(path: lockPath, problem: .foreignOwner(uid: 65534, expected: 0))
        #expect(throws: refused) { try take().get() }
        #expect(contents(lockPath) == "4242\n")
        #expect(refused.description.contains("is owned by uid 65534"))
        #expect(!refused.description.contains("already running"))
    }

    @Test("a FIFO at the lock path is refused at once rather than hanging start-up")
    func fifo() throws {
        defer { directory.remove() }
        mkfifo(lockPath, 0o600)
        #expect(throws: InstanceLockError.unsafeFile(path: lockPath, problem: .notRegularFile(kind: "a FIFO"))) {
            try take().get()
        }
    }

    @Test("release leaves alone a file that replaced ours at the path")
    func releaseSparesSuccessor() throws {
        defer { directory.remove() }
        let lock = try take().get()
        unlink(lockPath)
        try "someone else's\n".write(toFile: lockPath, atomically: false, encoding: .utf8)
        lock.release()
        #expect(contents(lockPath) == "someone else's\n")
    }
}
