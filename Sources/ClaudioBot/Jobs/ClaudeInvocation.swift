import Shared

/// The argv of one claude run (SPEC §5). The prompt is never part of it: it goes on stdin, so a message such as
/// `--version` reaches the model as text instead of being parsed as an option: it is the first stream-json user
/// message, and the same stdin carries the control protocol (tool approvals, Claudio's own tools).
struct ClaudeInvocation: Sendable, Equatable {
    var executable: String
    var arguments: [String]

    init(executable: String, settings: Settings, resumeSessionID: String?) {
        var arguments = ["-p", "--input-format", "stream-json", "--output-format", "stream-json", "--verbose"]
        if let resumeSessionID {
            arguments += ["--resume", resumeSessionID]
        }
        if settings.skipPermissions {
            arguments.append("--dangerously-skip-permissions")
        } else {
            // Claude asks Claudio (`can_use_tool` on stdout) instead of denying silently; Claudio asks the chat.
            arguments += ["--permission-prompt-tool", "stdio"]
        }
        if case .only(let entries) = settings.allowedTools {
            // --allowedTools alone only pre-approves; with permissions skipped everything is approved anyway, so
            // --tools is what actually removes the built-in tools that are not listed.
            arguments += ["--allowedTools", entries.joined(separator: ",")]
            arguments += ["--tools", settings.allowedTools.builtInTools.joined(separator: ",")]
        }
        if let mcp = settings.mcpConfigPath {
            arguments += ["--mcp-config", mcp]
        }
        self.executable = executable
        self.arguments = arguments
    }
}
