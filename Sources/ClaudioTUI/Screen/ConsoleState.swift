/// The console's own state, apart from what the daemon reports: which panel has the focus, each panel's selection,
/// scroll position and filter, an open job page, a pending y/n question, the status line and whether the help is open.
public struct ConsoleState: Sendable, Equatable {
    public var focus: Panel = .jobs
    public var cursors: [Panel: PanelCursor] = [:]
    /// The selected job, followed by ID so the selection stays on the same job when the list above it changes.
    public var selectedJobID: String?
    public var prompt: ConfirmationPrompt?
    public var status: StatusMessage?
    public var showsHelp = false
    /// Each panel's `/` filter; a panel without one shows every row.
    public var filters: [Panel: String] = [:]
    /// Typed characters go to the focused panel's filter (after `/`, until Enter or Esc).
    public var editingFilter = false
    /// The job page shown instead of the panels.
    public var page: JobPage?

    public init() {}

    public func cursor(of panel: Panel) -> PanelCursor { cursors[panel, default: PanelCursor()] }

    /// `panel`'s filter, nil when it has none (or an empty one).
    public func filter(of panel: Panel) -> String? {
        filters[panel].flatMap { $0.isEmpty ? nil : $0 }
    }
}
