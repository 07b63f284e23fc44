import Foundation
import Glibc
import Testing

@testable import ClaudioBot

/// `claudio run` against lock files another local user could have planted in a shared lock directory (SPEC §18).
@Suite("Lock files through the built binary", .serialized)
struct LockFileSafetyTests {
    enum Planted: String, CaseIterable, Sendable {
        case symbolicLink, foreignOwner, hardLink
    }

    let files: DaemonTestFiles
    var directory: ScratchDirectory { files.directory }
    var lockPath: String { directory.path + "/telegram_claude_bot.lock" }

    init() throws {
        files = try DaemonTestFiles()
    }

    @Test("a planted lock file stops start-up with exit 1 naming it and the problem, and nothing is written",
        arguments: Planted.allCases)
    func plantedLockFile(planted: Planted) async throws {
        defer { files.remove() }
        // A file the daemon (root here) could write: the link must not make it truncate or fill it.
        let victim = directory.path + "/precious.txt"
        try "keep me\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let problem: String
        switch planted {
        case .symbolicLink:
            symlink(victim, lockPath)
            problem = "is a symbolic link"
        case .hardLink:
            link(victim, lockPath)
            problem = "has 2 hard links"
        case .foreignOwner:
            guard geteuid() == 0 else { return }
            try "4242\n".write(toFile: lockPath, atomically: false, encoding: .utf8)
            chown(lockPath, 65534, 65534)
            problem = "is owned by uid 65534"
        }
        let daemon = try DaemonProcess(
            directory: directory, environment: files.environment())
        let status = await daemon.waitForExit()
        #expect(status.code == 1, "\(daemon.stderr)")
        #expect(daemon.stderr.contains("the lock file \(lockPath) \(problem)"), "\(daemon.stderr)")
        #expect(!daemon.stderr.contains("already running"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
        if planted == .foreignOwner {
            #expect(try String(contentsOfFile: lockPath, encoding: .utf8) == "4242\n")
        }
    }

    @Test("a lock directory anyone may write without the sticky bit is warned about in the log and by `claudio check`")
    func replaceableLockDirectory() async throws {
        defer { files.remove() }
        let open = directory.path + "/open-locks"
        let sticky = directory.path + "/sticky-locks"
        for (path, mode) in [(open, 0o777), (sticky, 0o1777)] {
            mkdir(path, 0o700)
            chmod(path, mode_t(mode))
        }
        let warning = "CLAUDIO_LOCK_DIR \(open) is writable by every user and has no sticky bit"
        let environment = files.environment(["CLAUDIO_LOCK_DIR": open])
        let daemon = try DaemonProcess(directory: directory, environment: environment)
        defer { Task { await daemon.stop() } }
        #expect(await daemon.waitUntilReady(), "\(daemon.stderr)")
        #expect(daemon.stderr.contains(warning))
        #expect(await daemon.terminate().code == 0)

        let check = try await ClaudioBinary.run(["check"], environment: environment, in: directory.path)
        #expect(check.status.code == 0)
        #expect(check.standardOutputText.contains(warning))
        var stickyEnvironment = environment
        stickyEnvironment["CLAUDIO_LOCK_DIR"] = sticky
        let quiet = try await ClaudioBinary.run(["check"], environment: stickyEnvironment, in: directory.path)
        #expect(quiet.status.code == 0)
        #expect(!quiet.standardOutputText.contains("no sticky bit"), "a sticky directory like /tmp is fine")
    }
}
