/// The console's own state, apart from what the daemon reports: which panel has the focus, each panel's selection
/// and scroll position, a pending y/n question, the status line and whether the help is open.
public struct ConsoleState: Sendable, Hashable {
    public var focus: Panel = .jobs
    public var cursors: [Panel: PanelCursor] = [:]
    /// The selected job, followed by ID so the selection stays on the same job when the list above it changes.
    public var selectedJobID: String?
    public var prompt: ConfirmationPrompt?
    public var status: StatusMessage?
    public var showsHelp = false

    public init() {}

    public func cursor(of panel: Panel) -> PanelCursor { cursors[panel, default: PanelCursor()] }
}
