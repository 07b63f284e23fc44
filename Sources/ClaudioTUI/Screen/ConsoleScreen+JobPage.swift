import Shared

/// A job's page (SPEC §17): Enter on a job opens it, the app keeps it fresh with `GET /v1/jobs/{id}` until the
/// daemon no longer knows the job, `k` kills the job (y/n), Esc goes back to the panels.
extension ConsoleScreen {
    /// The job whose page is open and still running: the one job the app polls for, and only while this is set.
    public var followedJobID: String? {
        guard let page = state.page, !page.ended else { return nil }
        return page.jobID
    }

    /// Opens the page of `jobID` (its details arrive with the next answer for it).
    public mutating func openPage(of jobID: String) {
        state.page = JobPage(jobID: jobID)
        state.editingFilter = false
        state.status = nil
    }

    /// Enter: the selected job's page from Jobs, or the page of the selected request's job from Approvals.
    mutating func openSelectedJob() {
        switch state.focus {
        case .jobs:
            guard let job = selectedJob else {
                state.status = StatusMessage("No job to open")
                return
            }
            openPage(of: job.id)
        case .approvals:
            guard let request = selectedApproval else { return }
            openPage(of: request.jobID)
        case .rateLimits, .denied, .history, .locks:
            state.status = StatusMessage("Enter opens a job's page from the Jobs or Approvals panel")
        }
    }

    /// The daemon's latest answer for the page's job.
    public mutating func receive(_ detail: JobDetail) {
        guard state.page?.jobID == detail.id else { return }
        state.page?.detail = detail
        state.page?.ended = false
        clampPageOffset()
    }

    /// The daemon answered 404 for `jobID`: the page's job has ended, and the page says how once the History has it.
    public mutating func receiveJobEnded(_ jobID: String) {
        guard state.page?.jobID == jobID, state.page?.ended == false else { return }
        state.page?.ended = true
        if case .killJob(jobID)? = state.prompt { state.prompt = nil }
        clampPageOffset()
    }

    mutating func handleOnPage(_ key: KeyPress) -> ConsoleAction? {
        guard let page = state.page else { return nil }
        switch key {
        case .character("q"), .function(10):
            return .quit
        case .character("?"), .function(1):
            state.showsHelp = true
        case .escape:
            state.page = nil
            state.status = nil
        case .character("k"), .function(9):
            if page.ended {
                state.status = StatusMessage("Job \(page.jobID) has already ended")
            } else {
                state.prompt = .killJob(id: page.jobID)
            }
        case .character("a"), .character("d"):
            guard let request = daemon.snapshot?.approvals.first(where: { $0.jobID == page.jobID }) else {
                state.status = StatusMessage("No tool request of this job is waiting")
                return nil
            }
            askToDecide(request, allow: key == .character("a"))
        case .up: scrollPage(by: -1)
        case .down: scrollPage(by: 1)
        case .pageUp: scrollPage(by: -(pageBodyHeight - 1))
        case .pageDown: scrollPage(by: pageBodyHeight - 1)
        case .home: scrollPage(by: -Int.max / 2)
        case .end: scrollPage(by: Int.max / 2)
        case .character("r"):
            return reload()
        case .character("\u{0C}"):
            return .repaint
        default:
            break
        }
        return nil
    }

    /// Body lines the page shows at once: the screen less the header, the page's title, the footer and the status
    /// line.
    var pageBodyHeight: Int { max(1, size.rows - ScreenLayout.fixedLines - 1) }

    /// The page's body as drawn at the latest snapshot's time.
    var pageView: JobPageView? {
        guard let page = state.page else { return nil }
        return JobPageView(
            page: page, snapshot: daemon.snapshot, width: size.columns, now: snapshotDate, timeZone: timeZone)
    }

    private mutating func scrollPage(by delta: Int) {
        guard state.page != nil else { return }
        let offset = state.page?.offset ?? 0
        state.page?.offset = delta > 0 ? offset + min(delta, Int.max / 2) : max(0, offset + delta)
        clampPageOffset()
    }

    /// Keeps the page's scroll inside its body, so a body that shrank (a process ended) shows no blank tail.
    mutating func clampPageOffset() {
        guard let view = pageView else { return }
        let most = max(0, view.body().count - pageBodyHeight)
        state.page?.offset = min(max(0, view.page.offset), most)
    }
}
