import Foundation
import Glibc

/// Holds the process umask at a given value while a Unix socket is bound, one binder at a time.
///
/// `bind` creates the socket file with mode `0777 & ~umask`, so a 0177 umask makes it 0600 from the first instant.
/// Setting the mode with `chmod` after `bind` would leave a window in which any local user could connect, and the
/// bind happens inside Hummingbird and NIO where no file descriptor is at hand for `fchmod`. The umask is process
/// state, so callers are serialised here (two overlapping save/restore pairs would leave the wrong mask behind) and
/// should keep the window short: anything else creating files meanwhile gets the narrower mask too.
actor SocketCreationMask {
    /// The umask is one per process, so its guard is one per process too.
    static let shared = SocketCreationMask()

    /// Proof of holding the mask, handed back to ``end(_:)``.
    struct Ticket: Sendable, Hashable {
        fileprivate let number: UInt64
    }

    private var holder: Ticket?
    private var savedMask: mode_t = 0
    private var nextNumber: UInt64 = 0
    private var waiting: [(ticket: Ticket, mask: mode_t, resume: CheckedContinuation<Void, Never>)] = []

    /// Sets the umask to `mask` once no one else holds it, and returns the ticket that restores it.
    func begin(_ mask: mode_t) async -> Ticket {
        let ticket = Ticket(number: nextNumber)
        nextNumber += 1
        guard holder != nil else {
            take(ticket, mask: mask)
            return ticket
        }
        await withCheckedContinuation { waiting.append((ticket, mask, $0)) }
        return ticket
    }

    /// Restores the umask saved by `ticket`'s ``begin(_:)`` and hands the mask to the next waiter. Calling it again
    /// with the same ticket does nothing.
    func end(_ ticket: Ticket) {
        guard holder == ticket else { return }
        umask(savedMask)
        holder = nil
        guard !waiting.isEmpty else { return }
        let next = waiting.removeFirst()
        take(next.ticket, mask: next.mask)
        next.resume.resume()
    }

    /// The umask outside any window: what the process runs with between binds.
    func restingMask() -> mode_t? {
        if holder != nil { return savedMask }
        return Self.processMask()
    }

    /// Reads the umask from `/proc/self/status` (Linux ≥ 4.7), since `umask(2)` can only be read by setting it.
    private static func processMask() -> mode_t? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return nil }
        return mask
    }

    private func take(_ ticket: Ticket, mask: mode_t) {
        holder = ticket
        savedMask = umask(mask)
    }
}
