/// `ALLOWED_TOOLS`: every tool, or a list that restricts claude even when permissions are skipped.
public enum AllowedTools: Sendable, Equatable, CustomStringConvertible {
    case all
    case only([String])

    /// Claude Code's built-in tool names; `--tools` accepts only these, while `--allowedTools` also takes rules such
    /// as `Bash(git:*)` and MCP tool names.
    public static let builtInNames: Set<String> = [
        "Task", "Agent", "Bash", "BashOutput", "KillShell", "Edit", "MultiEdit", "Glob", "Grep", "LS", "NotebookEdit",
        "NotebookRead", "Read", "TodoWrite", "WebFetch", "WebSearch", "Write", "ExitPlanMode", "SlashCommand", "Skill",
    ]

    /// The built-in tools the list names (a rule like `Bash(git:*)` names `Bash`), in list order without repeats.
    public var builtInTools: [String] {
        guard case .only(let entries) = self else { return [] }
        var seen = Set<String>()
        return entries.compactMap { entry in
            let name = String(entry.prefix { $0 != "(" })
            guard Self.builtInNames.contains(name), seen.insert(name).inserted else { return nil }
            return name
        }
    }

    public var description: String {
        switch self {
        case .all: "*"
        case .only(let entries): entries.joined(separator: ",")
        }
    }
}
