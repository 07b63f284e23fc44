import Foundation
import Shared

/// The answers of `/status`, `/myid` and `/claudio-status`.
enum StatusTexts {
    static func myID(_ user: ChatUser, authorized: Bool) -> String {
        var lines = ["🪪 Your \(user.platform == .telegram ? "Telegram" : "Slack") account"]
        if let name = user.displayName { lines.append("Name: \(name)") }
        if let username = user.username { lines.append("Username: @\(username)") }
        lines.append("ID: \(user.id)")
        lines.append("Authorized: \(authorized ? "yes ✅" : "no ❌")")
        if !authorized {
            let variable = user.platform == .telegram ? "ALLOWED_USER_IDS" : "SLACK_ALLOWED_USER_IDS"
            lines.append("To allow this account, the operator adds: \(variable)=\(user.id)")
        }
        return lines.joined(separator: "\n")
    }

    /// "Your cost today (UTC): $0.0025", and the budget when there is one.
    static func costLine(_ costToday: Double, budget: Double) -> String {
        let line = "Your cost today (UTC): \(DollarText.cost(costToday))"
        return budget > 0 ? line + " of your \(DollarText.amount(budget)) daily budget" : line
    }

    static func status(
        user: ChatUser, authorized: Bool, cli: ClaudeCLIInfo, settings: Settings, sandbox: SandboxStatus,
        session: String?, runningJobs: Int, costToday: Double
    ) -> String {
        var lines = ["📊 Claudio status"]
        if let version = cli.version {
            lines.append("Claude CLI: available (\(version))")
        } else {
            lines.append("Claude CLI: not available — \(cli.problem ?? "unknown problem")")
        }
        lines.append("Workspace: \(settings.workspacePath)")
        if sandbox.isSandboxed {
            lines.append("Sandbox: bubblewrap (a job sees only the workspace and HOME as writable)")
        } else {
            lines.append("⚠️ Sandbox: OFF (\(sandbox.reason ?? "no sandbox")) — a job can reach the bot's own secrets")
        }
        lines.append("Your session: \(session ?? "none (the next prompt starts a new conversation)")")
        lines.append(
            "Limits: \(settings.rateLimitRequests) prompts per \(SecondsText.format(settings.rateLimitWindow)) s, "
                + "timeout \(SecondsText.format(settings.commandTimeout)) s, max \(settings.maxInputLength) characters")
        lines.append("Jobs running: \(runningJobs)/\(settings.maxConcurrentJobs)")
        lines.append(voiceNotes(settings))
        lines.append("Files: up to \(ByteCountText.megabytes(settings.maxUploadBytes)) MB, saved in the workspace's uploads/")
        lines.append(costLine(costToday, budget: settings.userDailyBudgetUSD))
        lines.append("Your ID: \(user.id) (authorized: \(authorized ? "yes" : "no"))")
        if user.platform == .slack, settings.slackAllowsEveryone {
            lines.append("⚠️ SLACK_ALLOWED_USER_IDS is empty: every workspace member can use this bot.")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether voice notes are transcribed, and by what (the service's host, never its key).
    static func voiceNotes(_ settings: Settings) -> String {
        guard settings.voiceNotesEnabled else {
            return "Voice notes: not enabled (the operator sets TRANSCRIPTION_API_KEY or TRANSCRIPTION_API_URL)"
        }
        let host = URLComponents(string: settings.transcriptionAPIURL)?.host ?? settings.transcriptionAPIURL
        return "Voice notes: enabled (\(settings.transcriptionModel) at \(host), up to \(settings.maxVoiceSeconds) s)"
    }
}
