import Foundation
import Shared

/// The console as a value: what the daemon last said, the operator's UI state and the terminal's size. Keys and
/// poll results change it; ``lines(now:timeZone:)`` draws it. Nothing here touches a terminal or the network, so
/// every behaviour of the screen is testable as plain data.
public struct ConsoleScreen: Sendable {
    /// The admin socket, named on the unreachable screen and in the help.
    public let socketPath: String
    public let pollInterval: Duration
    /// The zone clock cells are written in, which is also what `/` matches them in.
    public let timeZone: TimeZone
    public internal(set) var daemon: DaemonView = .connecting
    public internal(set) var state = ConsoleState()
    public private(set) var size: TerminalSize
    /// When the latest snapshot came: the "now" the rows a filter matches are written at.
    public private(set) var snapshotDate = Date()

    public init(socketPath: String, pollInterval: Duration, size: TerminalSize, timeZone: TimeZone = .current) {
        self.socketPath = socketPath
        self.pollInterval = pollInterval
        self.size = size
        self.timeZone = timeZone
    }

    // MARK: Daemon

    /// A successful poll, taken at `date`.
    public mutating func receive(_ snapshot: SnapshotResponse, at date: Date = Date()) {
        if case .unreachable = daemon {
            state.status = StatusMessage("Reconnected to the daemon (pid \(snapshot.status.pid))", tone: .success)
        }
        daemon = .reachable(snapshot)
        snapshotDate = date
        if case .killJob(let id)? = state.prompt, !snapshot.jobs.contains(where: { $0.id == id }) {
            state.prompt = nil
            state.status = StatusMessage("Job \(id) has already finished")
        }
        if case .decide(let id, _, _, _)? = state.prompt, !snapshot.approvals.contains(where: { $0.id == id }) {
            state.prompt = nil
            state.status = StatusMessage("That tool request is no longer waiting")
        }
        if !shownPanels.contains(state.focus) {
            state.focus = .jobs
            state.editingFilter = false
        }
        if let id = state.selectedJobID, let index = visibleJobs.firstIndex(where: { $0.id == id }) {
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
        clampPageOffset()
    }

    /// Puts `message` on the status line (the outcome of a kill or reload).
    public mutating func show(_ message: StatusMessage) {
        state.status = message
    }

    // MARK: Tables

    /// `panel`'s table for the latest snapshot, narrowed by its filter; nil before the first snapshot. Clock cells
    /// are written at the snapshot's time, so what a filter matches does not depend on when the screen is drawn.
    public func table(of panel: Panel) -> PanelTable? {
        guard let snapshot = daemon.snapshot else { return nil }
        return PanelTable.make(panel, snapshot: snapshot, now: snapshotDate, timeZone: timeZone)
            .filtered(by: state.filter(of: panel))
    }

    /// How many rows `panel` shows: all of its list, or what its filter keeps.
    func rowCount(of panel: Panel) -> Int {
        guard let snapshot = daemon.snapshot else { return 0 }
        // Without a filter the list's length is enough: no table is built on every key and poll.
        guard state.filter(of: panel) != nil else { return snapshot.rowCount(of: panel) }
        return table(of: panel)?.rows.count ?? 0
    }

    /// How many rows `panel` has before its filter (the rate limits the snapshot left out included).
    func unfilteredRowCount(of panel: Panel) -> Int {
        guard let snapshot = daemon.snapshot else { return 0 }
        return panel == .rateLimits
            ? max(snapshot.rateLimits.count, snapshot.rateLimitsTotal) : snapshot.rowCount(of: panel)
    }

    /// The jobs the Jobs panel lists, in its order.
    var visibleJobs: [JobInfo] {
        guard let jobs = daemon.snapshot?.jobs else { return [] }
        guard state.filter(of: .jobs) != nil else { return jobs }
        return table(of: .jobs)?.sourceIndices.map { jobs[$0] } ?? []
    }

    /// The requests the Approvals panel lists, in its order.
    var visibleApprovals: [ApprovalInfo] {
        guard let approvals = daemon.snapshot?.approvals else { return [] }
        guard state.filter(of: .approvals) != nil else { return approvals }
        return table(of: .approvals)?.sourceIndices.map { approvals[$0] } ?? []
    }

    /// The job the Jobs panel has selected.
    public var selectedJob: JobInfo? {
        let jobs = visibleJobs
        guard !jobs.isEmpty else { return nil }
        return jobs[min(state.cursor(of: .jobs).selected, jobs.count - 1)]
    }

    /// The request the Approvals panel has selected: what `a` and `d` answer, whichever panel has the focus.
    public var selectedApproval: ApprovalInfo? {
        let approvals = visibleApprovals
        guard !approvals.isEmpty else { return nil }
        return approvals[min(state.cursor(of: .approvals).selected, approvals.count - 1)]
    }

    /// The panels on screen now, in order (Approvals only while requests wait).
    public var shownPanels: [Panel] {
        Panel.shown(approvalsWaiting: !(daemon.snapshot?.approvals.isEmpty ?? true), rows: size.rows)
    }

    /// The layout of the dashboard at the current size.
    public var layout: ScreenLayout {
        let counts = Dictionary(uniqueKeysWithValues: Panel.allCases.map { ($0, rowCount(of: $0)) })
        return ScreenLayout(
            rows: size.rows, rowCounts: counts, notices: daemon.snapshot?.notices.count ?? 0, panels: shownPanels)
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
        if state.page != nil { return handleOnPage(key) }
        if state.editingFilter, editFilter(with: key) { return nil }
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
        case .enter:
            openSelectedJob()
        case .character("/"):
            startFilter()
        case .character("k"), .function(9):
            askToKill()
        case .character("a"):
            askToDecide(allow: true)
        case .character("d"):
            askToDecide(allow: false)
        case .character("r"):
            return reload()
        case .character("\u{0C}"):
            return .repaint
        case .escape:
            if !clearFilter() { state.status = nil }
        default:
            break
        }
        return nil
    }

    static func isQuit(_ key: KeyPress) -> Bool {
        key == .character("q") || key == .function(10)
    }

    static func isYes(_ key: KeyPress) -> Bool {
        key == .character("y") || key == .character("Y")
    }

    mutating func reload() -> ConsoleAction {
        state.status = StatusMessage("Reloading allowlists…")
        return .reload
    }

    private mutating func answer(_ prompt: ConfirmationPrompt, with key: KeyPress) -> ConsoleAction? {
        state.prompt = nil
        switch prompt {
        case .killJob(let id):
            if Self.isYes(key) {
                state.status = StatusMessage("Killing job \(id)…")
                return .kill(jobID: id)
            }
            state.status = StatusMessage("Kill of job \(id) cancelled")
            return nil
        case .decide(let id, let allow, let tool, _):
            if Self.isYes(key) {
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
        askToDecide(request, allow: allow)
    }

    mutating func askToDecide(_ request: ApprovalInfo, allow: Bool) {
        state.prompt = .decide(approvalID: request.id, allow: allow, tool: request.tool, summary: request.summary)
    }

    private mutating func askToKill() {
        guard state.focus == .jobs else {
            state.focus = .jobs
            state.editingFilter = false
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
        guard daemon.snapshot != nil else { return }
        let panel = state.focus
        state.cursors[panel, default: PanelCursor()].move(
            by: delta, rowCount: rowCount(of: panel), visibleRows: layout.visibleRows(of: panel))
        if panel == .jobs { state.selectedJobID = selectedJob?.id }
    }

    mutating func clampCursors() {
        guard daemon.snapshot != nil else { return }
        let layout = self.layout
        for panel in shownPanels {
            state.cursors[panel, default: PanelCursor()].clamp(
                rowCount: rowCount(of: panel), visibleRows: layout.visibleRows(of: panel))
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
