import Foundation
import Shared

/// The console as a value: what the daemon last said, the operator's UI state and the terminal's size. Keys and
/// poll results change it; ``lines(now:timeZone:)`` draws it. Nothing here touches a terminal or the network, so
/// every behaviour of the screen is testable as plain data.
public struct ConsoleScreen: Sendable {
    /// The admin socket, named on the unreachable screen and in the help.
    public let socketPath: String
    public let pollInterval: Duration
    public private(set) var daemon: DaemonView = .connecting
    public private(set) var state = ConsoleState()
    public private(set) var size: TerminalSize

    public init(socketPath: String, pollInterval: Duration, size: TerminalSize) {
        self.socketPath = socketPath
        self.pollInterval = pollInterval
        self.size = size
    }

    // MARK: Daemon

    /// A successful poll.
    public mutating func receive(_ snapshot: SnapshotResponse) {
        if case .unreachable = daemon {
            state.status = StatusMessage("Reconnected to the daemon (pid \(snapshot.status.pid))", tone: .success)
        }
        daemon = .reachable(snapshot)
        if case .killJob(let id)? = state.prompt, !snapshot.jobs.contains(where: { $0.id == id }) {
            state.prompt = nil
            state.status = StatusMessage("Job \(id) has already finished")
        }
        if case .decide(let id, _, _, _)? = state.prompt, !snapshot.approvals.contains(where: { $0.id == id }) {
            state.prompt = nil
            state.status = StatusMessage("That tool request is no longer waiting")
        }
        if !shownPanels.contains(state.focus) { state.focus = .jobs }
        if let id = state.selectedJobID, let index = snapshot.jobs.firstIndex(where: { $0.id == id }) {
            state.cursors[.jobs, default: PanelCursor()].selected = index
        }
        clampCursors()
    }

    /// A failed poll: the daemon is gone (or answers nonsense) until the next successful one.
    public mutating func receiveFailure(reason: String) {
        daemon = .unreachable(reason: reason)
        state.prompt = nil
    }

    public mutating func resize(to size: TerminalSize) {
        self.size = size
        if !shownPanels.contains(state.focus) { state.focus = .jobs }
        clampCursors()
    }

    /// Puts `message` on the status line (the outcome of a kill or reload).
    public mutating func show(_ message: StatusMessage) {
        state.status = message
    }

    /// The job the Jobs panel has selected.
    public var selectedJob: JobInfo? {
        guard let jobs = daemon.snapshot?.jobs, !jobs.isEmpty else { return nil }
        return jobs[min(state.cursor(of: .jobs).selected, jobs.count - 1)]
    }

    /// The request the Approvals panel has selected: what `a` and `d` answer, whichever panel has the focus.
    public var selectedApproval: ApprovalInfo? {
        guard let approvals = daemon.snapshot?.approvals, !approvals.isEmpty else { return nil }
        return approvals[min(state.cursor(of: .approvals).selected, approvals.count - 1)]
    }

    /// The panels on screen now, in order (Approvals only while requests wait).
    public var shownPanels: [Panel] {
        Panel.shown(approvalsWaiting: !(daemon.snapshot?.approvals.isEmpty ?? true), rows: size.rows)
    }

    /// The layout of the dashboard at the current size.
    public var layout: ScreenLayout {
        let snapshot = daemon.snapshot
        let counts = Dictionary(uniqueKeysWithValues: Panel.allCases.map { ($0, snapshot?.rowCount(of: $0) ?? 0) })
        return ScreenLayout(
            rows: size.rows, rowCounts: counts, notices: snapshot?.notices.count ?? 0, panels: shownPanels)
    }

    // MARK: Keys

    /// Applies `key` and returns what the app must do about it, if anything.
    public mutating func handle(_ key: KeyPress) -> ConsoleAction? {
        if let prompt = state.prompt { return answer(prompt, with: key) }
        if state.showsHelp {
            if Self.isQuit(key) { return .quit }
            state.showsHelp = false
            return nil
        }
        switch key {
        case .character("q"), .function(10):
            return .quit
        case .character("?"), .function(1):
            state.showsHelp = true
        case .tab:
            state.focus = state.focus.next(in: shownPanels)
        case .backTab:
            state.focus = state.focus.previous(in: shownPanels)
        case .up: moveSelection(by: -1)
        case .down: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -pageSize)
        case .pageDown: moveSelection(by: pageSize)
        case .home: moveSelection(by: -Int.max / 2)
        case .end: moveSelection(by: Int.max / 2)
        case .character("k"), .function(9):
            askToKill()
        case .character("a"):
            askToDecide(allow: true)
        case .character("d"):
            askToDecide(allow: false)
        case .character("r"):
            state.status = StatusMessage("Reloading allowlists…")
            return .reload
        case .character("\u{0C}"):
            return .repaint
        case .escape:
            state.status = nil
        default:
            break
        }
        return nil
    }

    private static func isQuit(_ key: KeyPress) -> Bool {
        key == .character("q") || key == .function(10)
    }

    private mutating func answer(_ prompt: ConfirmationPrompt, with key: KeyPress) -> ConsoleAction? {
        state.prompt = nil
        switch prompt {
        case .killJob(let id):
            if key == .character("y") || key == .character("Y") {
                state.status = StatusMessage("Killing job \(id)…")
                return .kill(jobID: id)
            }
            state.status = StatusMessage("Kill of job \(id) cancelled")
            return nil
        case .decide(let id, let allow, let tool, _):
            if key == .character("y") || key == .character("Y") {
                state.status = StatusMessage("\(allow ? "Allowing" : "Denying") \(tool)…")
                return .decide(approvalID: id, allow: allow)
            }
            state.status = StatusMessage("\(tool) request left waiting")
            return nil
        }
    }

    /// `a` / `d`: the Approvals panel's selected request, whichever panel has the focus.
    private mutating func askToDecide(allow: Bool) {
        guard let request = selectedApproval else {
            state.status = StatusMessage("No tool request is waiting")
            return
        }
        state.prompt = .decide(approvalID: request.id, allow: allow, tool: request.tool, summary: request.summary)
    }

    private mutating func askToKill() {
        guard state.focus == .jobs else {
            state.focus = .jobs
            state.status = StatusMessage("Select the job to kill in the Jobs panel, then press k")
            return
        }
        guard let job = selectedJob else {
            state.status = StatusMessage("No job to kill")
            return
        }
        state.prompt = .killJob(id: job.id)
    }

    // MARK: Selection

    /// Rows PgUp/PgDn move: the focused panel's height, less one row kept for context.
    private var pageSize: Int { max(1, layout.visibleRows(of: state.focus) - 1) }

    private mutating func moveSelection(by delta: Int) {
        guard let snapshot = daemon.snapshot else { return }
        let panel = state.focus
        state.cursors[panel, default: PanelCursor()].move(
            by: delta, rowCount: snapshot.rowCount(of: panel), visibleRows: layout.visibleRows(of: panel))
        if panel == .jobs { state.selectedJobID = selectedJob?.id }
    }

    private mutating func clampCursors() {
        guard let snapshot = daemon.snapshot else { return }
        let layout = self.layout
        for panel in shownPanels {
            state.cursors[panel, default: PanelCursor()].clamp(
                rowCount: snapshot.rowCount(of: panel), visibleRows: layout.visibleRows(of: panel))
        }
        state.selectedJobID = selectedJob?.id
    }

    // MARK: Drawing

    /// The screen as exactly `size.rows` lines of exactly `size.columns` columns.
    /// - Parameters:
    ///   - now: the time clock columns are relative to ("today" drops the date).
    ///   - timeZone: the zone times are shown in.
    public func lines(now: Date = Date(), timeZone: TimeZone = .current) -> [ScreenLine] {
        ScreenRenderer(screen: self, now: now, timeZone: timeZone).lines()
    }
}
