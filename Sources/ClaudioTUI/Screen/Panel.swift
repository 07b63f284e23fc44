/// The console's panels, in screen order, which is also the order Tab visits them.
public enum Panel: Int, Sendable, Hashable, CaseIterable {
    case jobs
    case rateLimits
    case denied
    /// The last finished jobs (SPEC §17).
    case history
    case locks

    public var title: String {
        switch self {
        case .jobs: "Jobs"
        case .rateLimits: "Rate limits"
        case .denied: "Denied attempts"
        case .history: "History"
        case .locks: "Locks"
        }
    }

    /// The panel Tab moves to (after the last, the first).
    public var next: Panel { Panel(rawValue: (rawValue + 1) % Panel.allCases.count)! }

    /// The panel Shift-Tab moves to.
    public var previous: Panel {
        Panel(rawValue: (rawValue + Panel.allCases.count - 1) % Panel.allCases.count)!
    }
}
