import Foundation
import Glibc
import Shared

/// One channel's instance lock (SPEC §8): a file in `CLAUDIO_LOCK_DIR` holding the daemon's PID, locked with
/// `flock`. The kernel drops the lock when the process dies, so a crashed daemon's file never blocks a new one.
final class InstanceLock: Sendable {
    let channel: Platform
    let path: String
    let acquiredAt: Date
    private let descriptor: Int32

    /// The upstream file names, kept so the operator's existing scripts keep working.
    static func fileName(for channel: Platform) -> String {
        switch channel {
        case .telegram: "telegram_claude_bot.lock"
        case .slack: "slack_claude_bot.lock"
        }
    }

    /// Takes the lock without waiting (`LOCK_NB`), so this never blocks a thread.
    /// - Throws: `InstanceLockError.heldByAnother` naming the holder's PID when another daemon has it.
    init(channel: Platform, directory: String) throws(InstanceLockError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName(for: channel))
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPID(descriptor)
            close(descriptor)
            throw .heldByAnother(path: path, pid: holder)
        }
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, text, text.utf8.count, 0)
        self.channel = channel
        self.path = path
        self.descriptor = descriptor
        self.acquiredAt = Date()
    }

    /// Removes the file while still holding the lock (so no other daemon can be between the two), then unlocks.
    func release() {
        unlink(path)
        close(descriptor)
    }

    /// What the admin API shows about a lock file, whoever holds it.
    static func inspect(channel: Platform, directory: String) -> LockStatus {
        let path = (directory as NSString).appendingPathComponent(fileName(for: channel))
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return LockStatus(channel: channel, path: path, held: false) }
        defer { close(descriptor) }
        let free = flock(descriptor, LOCK_SH | LOCK_NB) == 0
        if free { flock(descriptor, LOCK_UN) }
        return LockStatus(channel: channel, path: path, held: !free, holderPID: free ? nil : readPID(descriptor).map(Int.init))
    }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Why an instance lock could not be taken.
enum InstanceLockError: Error, CustomStringConvertible {
    case heldByAnother(path: String, pid: Int32?)
    case cannotOpen(path: String, reason: String)

    var description: String {
        switch self {
        case .heldByAnother(let path, let pid):
            "❌ ERROR: another Claudio instance is already running (PID \(pid.map(String.init) ?? "unknown"), lock \(path))"
        case .cannotOpen(let path, let reason):
            "❌ ERROR: cannot open the lock file \(path): \(reason). Check CLAUDIO_LOCK_DIR."
        }
    }
}
