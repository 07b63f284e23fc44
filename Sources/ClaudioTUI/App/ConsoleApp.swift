import Foundation
import Shared
import UnixSignals

/// The running console: polls the daemon, reads keys, performs kills and reloads, and redraws when the screen
/// changed. The screen state lives in the main loop alone; everything else reaches it as a ``ConsoleEvent``.
///
/// Each round polls `GET /v1/snapshot`, and `GET /v1/jobs/{id}` only while a job's page is open and its job runs.
public struct ConsoleApp: Sendable {
    public let client: AdminClient
    public let pollInterval: Duration
    public let colorMode: ColorMode

    /// - Parameters:
    ///   - client: the admin client for the daemon's socket.
    ///   - pollInterval: time between two snapshots.
    ///   - colorMode: ``ColorMode/monochrome`` for bold and reverse video only.
    public init(client: AdminClient, pollInterval: Duration, colorMode: ColorMode) {
        self.client = client
        self.pollInterval = pollInterval
        self.colorMode = colorMode
    }

    /// Runs until q, F10, SIGINT, SIGTERM or SIGHUP, then restores the terminal.
    /// - Throws: ``TerminalError`` when there is no usable terminal.
    public func run() async throws {
        // Trapped before ncurses starts: ncurses then sees handlers in place and installs none of its own, and a
        // Ctrl-C or kill ends the loop below, which restores the terminal.
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm, .sighup)
        let terminal = try await TerminalSession.start(colorMode: colorMode)
        let (events, sink) = AsyncStream.makeStream(of: ConsoleEvent.self, bufferingPolicy: .unbounded)
        let followed = FollowedJob()

        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in terminal.events { sink.yield(.terminal(event)) }
                sink.yield(.terminalClosed)
            }
            group.addTask {
                for await _ in signals { sink.yield(.signal) }
            }
            group.addTask { await poll(into: sink, following: followed) }

            await mainLoop(events: events, sink: sink, terminal: terminal, followed: followed)
            await terminal.stop()
            group.cancelAll()
        }
        sink.finish()
    }

    /// Applies events to the screen and redraws when the drawn lines changed.
    private func mainLoop(
        events: AsyncStream<ConsoleEvent>, sink: AsyncStream<ConsoleEvent>.Continuation, terminal: TerminalSession,
        followed: FollowedJob
    ) async {
        var screen = ConsoleScreen(
            socketPath: client.socketPath, pollInterval: pollInterval, size: TerminalSize(columns: 80, rows: 24))
        var drawn: [ScreenLine] = []
        for await event in events {
            var repaintAll = false
            switch event {
            case .terminal(.resized(let size)):
                screen.resize(to: size)
                repaintAll = true
            case .terminal(.key(let key)):
                switch screen.handle(key) {
                case .quit?: return
                case .kill(let jobID)?: perform(.kill(jobID: jobID), into: sink, following: followed)
                case .decide(let id, let allow)?:
                    perform(.decide(approvalID: id, allow: allow), into: sink, following: followed)
                case .reload?: perform(.reload, into: sink, following: followed)
                case .repaint?: repaintAll = true
                case nil: break
                }
            case .snapshot(let snapshot): screen.receive(snapshot)
            case .pollFailed(let reason): screen.receiveFailure(reason: reason)
            case .jobDetail(let detail): screen.receive(detail)
            case .jobEnded(let jobID): screen.receiveJobEnded(jobID)
            case .actionFinished(let message): screen.show(message)
            case .terminalClosed, .signal: return
            }
            // A page just opened on another job is asked about at once, not at the next round.
            if followed.follow(screen.followedJobID), let jobID = followed.current {
                let client = self.client
                Task { await Self.fetchJob(jobID, from: client, into: sink) }
            }
            let lines = screen.lines()
            if lines != drawn || repaintAll {
                terminal.draw(lines, repaintAll: repaintAll)
                drawn = lines
            }
        }
    }

    /// Fetches a snapshot, and the followed job if there is one, every `pollInterval` until cancelled.
    private func poll(into sink: AsyncStream<ConsoleEvent>.Continuation, following followed: FollowedJob) async {
        while !Task.isCancelled {
            await fetchSnapshot(into: sink)
            if let jobID = followed.current { await Self.fetchJob(jobID, from: client, into: sink) }
            do { try await Task.sleep(for: pollInterval) } catch { return }
        }
    }

    /// Asks for one job's page. A 404 means it has ended; any other failure waits for the next round (an
    /// unreachable daemon shows through the snapshot's poll).
    private static func fetchJob(
        _ jobID: String, from client: AdminClient, into sink: AsyncStream<ConsoleEvent>.Continuation
    ) async {
        do {
            sink.yield(.jobDetail(try await client.job(id: jobID)))
        } catch AdminClientError.refused(let status, _) where status == 404 {
            sink.yield(.jobEnded(jobID))
        } catch {
            return
        }
    }

    private func fetchSnapshot(into sink: AsyncStream<ConsoleEvent>.Continuation) async {
        do {
            sink.yield(.snapshot(try await client.snapshot()))
        } catch is CancellationError {
            return
        } catch AdminClientError.unreachable(_, let reason) {
            sink.yield(.pollFailed(reason))
        } catch {
            sink.yield(.pollFailed(String(describing: error)))
        }
    }

    /// Runs a kill, a tool request's answer or a reload in the background, then reports its outcome and a fresh snapshot, so the screen shows
    /// the effect without waiting for the next poll.
    private func perform(
        _ action: ConsoleAction, into sink: AsyncStream<ConsoleEvent>.Continuation, following followed: FollowedJob
    ) {
        let client = self.client
        Task {
            switch action {
            case .kill(let jobID):
                let outcome: Result<KillResponse, any Error>
                do { outcome = .success(try await client.kill(jobID: jobID)) } catch { outcome = .failure(error) }
                sink.yield(.actionFinished(StatusMessage.kill(jobID: jobID, outcome: outcome)))
            case .decide(let id, let allow):
                let outcome: Result<OperatorDecisionResponse, any Error>
                do {
                    let decision = OperatorDecision(decision: allow ? .allow : .deny, via: .console)
                    outcome = .success(try await client.decide(approvalID: id, decision))
                } catch {
                    outcome = .failure(error)
                }
                sink.yield(.actionFinished(StatusMessage.decision(approvalID: id, allow: allow, outcome: outcome)))
            case .reload:
                let outcome: Result<ReloadResponse, any Error>
                do { outcome = .success(try await client.reload()) } catch { outcome = .failure(error) }
                sink.yield(.actionFinished(StatusMessage.reload(outcome: outcome)))
            case .quit, .repaint:
                return
            }
            await fetchSnapshot(into: sink)
            if let jobID = followed.current { await Self.fetchJob(jobID, from: client, into: sink) }
        }
    }
}
