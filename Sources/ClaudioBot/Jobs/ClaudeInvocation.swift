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
            // Claudio's own tools (SPEC §14) stay available: they are named in the list whatever it holds.
            let allowed = entries + ClaudioMCPServer.qualifiedToolNames.filter { !entries.contains($0) }
            arguments += ["--allowedTools", allowed.joined(separator: ",")]
            arguments += ["--tools", settings.allowedTools.builtInTools.joined(separator: ",")]
        }
        // Claudio's in-process MCP server, served over this run's stdin and stdout; the operator's servers beside it.
        arguments += ["--mcp-config", ClaudioMCPServer.mcpConfig]
        if let mcp = settings.mcpConfigPath {
            arguments += ["--mcp-config", mcp]
        }
        self.executable = executable
        self.arguments = arguments
    }
}
