import Foundation
import Synchronization

/// The terminal for the life of the console, on a dedicated thread that is the only one ever to call ncurses.
///
/// `wget_wch` with a short timeout blocks that thread, never the cooperative pool; between reads the thread paints
/// the latest frame handed to ``draw(_:repaintAll:)``. Keys and resizes come out of ``events``. ``stop()`` restores
/// the terminal (endwin) before it returns, whichever way the console is leaving.
public final class TerminalSession: Sendable {
    /// Keys and size changes, starting with the initial size; finishes after ``stop()``.
    public let events: AsyncStream<TerminalEvent>
    private let mailbox = Mutex(Mailbox())

    /// What the app hands to the terminal thread.
    private struct Mailbox {
        var frame: [ScreenLine]?
        var repaintAll = false
        var stopRequested = false
        var stopped = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// How long one `wget_wch` waits, so a new frame or a stop request is picked up within this time. Keys wake it at
    /// once; 150 ms keeps a polled frame's delay unnoticeable while an idle console wakes only ~7 times a second.
    static let readTimeoutMilliseconds: Int32 = 150

    private init(events: AsyncStream<TerminalEvent>) {
        self.events = events
    }

    /// Takes over the terminal on a new thread.
    /// - Throws: ``TerminalError`` when there is no usable terminal; the terminal is then left untouched.
    public static func start(colorMode: ColorMode) async throws(TerminalError) -> TerminalSession {
        let (events, sink) = AsyncStream.makeStream(of: TerminalEvent.self, bufferingPolicy: .unbounded)
        let session = TerminalSession(events: events)
        let opened: Result<Void, TerminalError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                session.run(colorMode: colorMode, sink: sink) { continuation.resume(returning: $0) }
            }
            thread.name = "claudio-tui terminal"
            thread.start()
        }
        try opened.get()
        return session
    }

    /// Hands over the next frame; the terminal thread paints the latest one it finds, skipping any it missed.
    /// - Parameter repaintAll: clear the terminal first instead of sending only the differences.
    public func draw(_ lines: [ScreenLine], repaintAll: Bool = false) {
        mailbox.withLock {
            $0.frame = lines
            $0.repaintAll = $0.repaintAll || repaintAll
        }
    }

    /// Restores the terminal and ends the thread; returns once endwin has run. Safe to call more than once.
    public func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyStopped = mailbox.withLock { mailbox -> Bool in
                mailbox.stopRequested = true
                if mailbox.stopped { return true }
                mailbox.stopWaiters.append(continuation)
                return false
            }
            if alreadyStopped { continuation.resume() }
        }
    }

    // MARK: The terminal thread

    private func run(
        colorMode: ColorMode, sink: AsyncStream<TerminalEvent>.Continuation,
        opened: (Result<Void, TerminalError>) -> Void
    ) {
        let screen: CursesScreen
        do {
            screen = try CursesScreen(colorMode: colorMode, readTimeout: Self.readTimeoutMilliseconds)
        } catch {
            finish(sink)
            opened(.failure(error))
            return
        }
        opened(.success(()))
        sink.yield(.resized(screen.size))
        while true {
            let (frame, repaintAll, stopRequested) = mailbox.withLock { mailbox in
                defer {
                    mailbox.frame = nil
                    mailbox.repaintAll = false
                }
                return (mailbox.frame, mailbox.repaintAll, mailbox.stopRequested)
            }
            if stopRequested { break }
            if let frame { screen.paint(frame, repaintAll: repaintAll) }
            switch screen.read() {
            case .key(let key)?: sink.yield(.key(key))
            case .resize?: sink.yield(.resized(screen.size))
            case .ignored?, nil: break
            }
        }
        screen.close()
        finish(sink)
    }

    private func finish(_ sink: AsyncStream<TerminalEvent>.Continuation) {
        sink.finish()
        let waiters = mailbox.withLock { mailbox in
            mailbox.stopped = true
            defer { mailbox.stopWaiters = [] }
            return mailbox.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
