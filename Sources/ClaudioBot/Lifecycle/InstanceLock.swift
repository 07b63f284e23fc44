import Foundation
import Glibc
import Shared

/// One channel's instance lock (SPEC §8, §18): a file in `CLAUDIO_LOCK_DIR` holding the daemon's PID, locked with
/// `flock`. The kernel drops the lock when the process dies, so a crashed daemon's file never blocks a new one.
///
/// The lock directory is often `/tmp`, where any local user can create files, so the file is trusted only when it
/// is this daemon's own: opened without following a symbolic link, a regular file, owned by the daemon's uid, with
/// one link — checked before anything is locked, read or written. A file another user planted (naming any PID they
/// like) therefore never produces "another instance is running"; start-up stops with the path and what is wrong with
/// it, because Claudio can neither trust that file nor remove another user's file from a sticky directory. An
/// unlocked file of the daemon's own user is stale whatever PID it names, and is taken over.
final class InstanceLock: Sendable {
    let channel: Platform
    let path: String
    let acquiredAt: Date
    private let descriptor: Int32
    private let identity: FileIdentity

    /// The upstream file names, kept so the operator's existing scripts keep working.
    static func fileName(for channel: Platform) -> String {
        switch channel {
        case .telegram: "telegram_claude_bot.lock"
        case .slack: "slack_claude_bot.lock"
        }
    }

    /// Takes the lock without waiting (`LOCK_NB`), so this never blocks a thread.
    /// - Throws: `InstanceLockError.heldByAnother` naming the holder's PID when another daemon has it,
    ///   `.unsafeFile` when the file is not one this daemon may trust, `.cannotOpen` otherwise.
    init(channel: Platform, directory: String) throws(InstanceLockError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName(for: channel))
        let (descriptor, identity) = try Self.lock(path)
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, text, text.utf8.count, 0)
        self.channel = channel
        self.path = path
        self.descriptor = descriptor
        self.identity = identity
        self.acquiredAt = Date()
    }

    /// Removes the file while still holding the lock (so no other daemon can be between the two), then unlocks. A
    /// file that is no longer ours at the path is left alone.
    func release() {
        if FileIdentity(path: path) == identity { unlink(path) }
        close(descriptor)
    }

    /// What the admin API shows about a lock file, whoever holds it.
    static func inspect(channel: Platform, directory: String) -> LockStatus {
        let path = (directory as NSString).appendingPathComponent(fileName(for: channel))
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return LockStatus(channel: channel, path: path, held: false) }
        defer { close(descriptor) }
        let free = flock(descriptor, LOCK_SH | LOCK_NB) == 0
        if free { flock(descriptor, LOCK_UN) }
        return LockStatus(channel: channel, path: path, held: !free, holderPID: free ? nil : readPID(descriptor).map(Int.init))
    }

    // MARK: - Taking the lock

    /// Opens and locks the file at `path`. Another daemon's `release()` and the kill script unlink a lock file, so
    /// the file locked may have left the path between `open` and `flock`; holding a lock on an unlinked file would
    /// let a third daemon lock a new one, so the lock counts only while the file is still the one at the path.
    private static func lock(_ path: String) throws(InstanceLockError) -> (Int32, FileIdentity) {
        for _ in 0..<5 {
            let (descriptor, identity) = try openTrusted(path)
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let holder = readPID(descriptor)
                close(descriptor)
                throw .heldByAnother(path: path, pid: holder)
            }
            if FileIdentity(path: path) == identity { return (descriptor, identity) }
            close(descriptor)
        }
        throw .cannotOpen(path: path, reason: "the file was replaced every time it was locked")
    }

    /// Opens (creating when missing, mode 0600) the file at `path` without following a symbolic link or
    /// truncating it, and checks that it is this daemon's own file before anything else happens to it.
    private static func openTrusted(_ path: String) throws(InstanceLockError) -> (Int32, FileIdentity) {
        // O_NONBLOCK: a FIFO planted at the path must not hang start-up; it has no effect on a regular file.
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            var info = stat()
            if lstat(path, &info) == 0, let problem = FileTrustProblem(info, owner: geteuid()) {
                throw .unsafeFile(path: path, problem: problem)
            }
            throw .cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .cannotOpen(path: path, reason: reason)
        }
        if let problem = FileTrustProblem(info, owner: geteuid()) {
            close(descriptor)
            throw .unsafeFile(path: path, problem: problem)
        }
        // A file of ours left under a wider umask: no other user may open it, or they could hold its lock.
        if info.st_mode & 0o077 != 0 { _ = fchmod(descriptor, 0o600) }
        return (descriptor, FileIdentity(info))
    }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
