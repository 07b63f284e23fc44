/// The console's panels, in screen order, which is also the order Tab visits them.
public enum Panel: Int, Sendable, Hashable, CaseIterable {
    /// Tool requests waiting for an answer (SPEC §13, §17): shown above Jobs only while some wait.
    case approvals
    case jobs
    case rateLimits
    case denied
    /// The last finished jobs (SPEC §17).
    case history
    case locks

    public var title: String {
        switch self {
        case .approvals: "🔐 Approvals"
        case .jobs: "Jobs"
        case .rateLimits: "Rate limits"
        case .denied: "Denied attempts"
        case .history: "History"
        case .locks: "Locks"
        }
    }

    /// The panel Tab moves to among `shown` (after the last, the first).
    public func next(in shown: [Panel]) -> Panel { step(1, in: shown) }

    /// The panel Shift-Tab moves to among `shown`.
    public func previous(in shown: [Panel]) -> Panel { step(-1, in: shown) }

    private func step(_ delta: Int, in shown: [Panel]) -> Panel {
        guard let index = shown.firstIndex(of: self) else { return shown.first ?? .jobs }
        return shown[(index + delta + shown.count) % shown.count]
    }

    /// The panels shown for `snapshot` on a screen of `rows` lines: Approvals only while requests wait, and when the
    /// screen is too short for every panel, Locks, then Rate limits, then History give way (a panel needs a title,
    /// a heading and a row).
    public static func shown(approvalsWaiting: Bool, rows: Int) -> [Panel] {
        var panels = allCases.filter { $0 != .approvals || approvalsWaiting }
        for dropped in [Panel.locks, .rateLimits, .history]
        where rows < ScreenLayout.fixedLines + panels.count * (ScreenLayout.panelChrome + 1) {
            panels.removeAll { $0 == dropped }
        }
        return panels
    }
}
