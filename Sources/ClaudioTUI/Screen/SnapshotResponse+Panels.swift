import Shared

extension SnapshotResponse {
    /// How many rows `panel` lists.
    func rowCount(of panel: Panel) -> Int {
        switch panel {
        case .approvals: approvals.count
        case .jobs: jobs.count
        case .rateLimits: rateLimits.count
        case .denied: denied.count
        case .history: history.count
        case .locks: status.locks.count
        }
    }

    /// Lines of warnings under the header: channel errors, jobs running unsandboxed, the Slack allow-all warning, a
    /// missing claude CLI.
    var notices: [ScreenLine] {
        var lines: [ScreenLine] = []
        for channel in status.channels where channel.enabled && !channel.connected {
            if let error = channel.lastError {
                lines.append(ScreenLine(" ✖ \(channel.name.rawValue): \(ColumnText.printable(error))", .error))
            }
        }
        if !status.sandbox.isSandboxed {
            let reason = status.sandbox.reason.map { " (\(ColumnText.printable($0)))" } ?? ""
            lines.append(ScreenLine(" ⚠ Jobs run UNSANDBOXED\(reason): a job can read the bot's secrets.", .warning))
        }
        if status.channels.contains(where: { $0.name == .slack && $0.enabled && $0.allowAll }) {
            let warning = " ⚠ SLACK_ALLOWED_USER_IDS is empty: any Slack workspace member can run claude."
            lines.append(ScreenLine(warning, .warning))
        }
        if status.claudeCLI.path == nil {
            lines.append(ScreenLine(" ⚠ The claude CLI was not found: prompts will fail.", .warning))
        }
        return lines
    }
}
