import ArgumentParser
import Foundation
import Shared

/// `claudio status`: the running daemon's channels, locks, limits and claude CLI.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the running daemon's status. Exit 0 ok, 1 refused, 2 unreachable.")

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.perform(.status, as: StatusResponse.self, render: Self.render)
    }

    static func render(_ status: StatusResponse) -> String {
        var lines = [
            "Claudio \(status.version) — pid \(status.pid), up \(DurationText.format(seconds: Double(status.uptimeSeconds)))",
            "claude CLI: \(status.claudeCLI.path ?? "not found") \(status.claudeCLI.version.map { "(\($0))" } ?? "")",
            "limits: \(status.limits.rateLimitRequests) prompts / \(SecondsText.format(status.limits.rateLimitWindow)) s, "
                + "timeout \(SecondsText.format(status.limits.commandTimeout)) s, max input \(status.limits.maxInputLength), "
                + "\(status.limits.maxConcurrentJobs) jobs at once",
            "permissions: \(status.skipPermissions ? "skipped" : "asked"), tools: \(status.allowedTools)",
            "sandbox: \(status.sandbox.isSandboxed ? "bubblewrap" : "OFF ⚠️ (\(status.sandbox.reason ?? "no sandbox"))")",
            "",
        ]
        var channels = TextTable("CHANNEL", "ENABLED", "CONNECTED", "ALLOWLIST", "LAST ERROR")
        for channel in status.channels {
            let list = channel.allowAll ? "everyone ⚠️" : String(channel.allowlistSize)
            channels.add(
                channel.name.rawValue, channel.enabled ? "yes" : "no", channel.connected ? "yes" : "no", list,
                channel.lastError ?? "-")
        }
        lines.append(channels.rendered)
        if status.channels.contains(where: { $0.name == .slack && $0.enabled && $0.allowAll }) {
            lines.append("⚠️ SLACK_ALLOWED_USER_IDS is empty: every Slack workspace member can run commands.")
        }
        lines.append("")
        var locks = TextTable("LOCK", "HELD", "PID", "PATH")
        for lock in status.locks {
            locks.add(lock.channel.rawValue, lock.held ? "yes" : "no", lock.holderPID.map(String.init) ?? "-", lock.path)
        }
        lines.append(locks.rendered)
        return lines.joined(separator: "\n")
    }
}
