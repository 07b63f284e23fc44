extension ClaudeStreamEvent {
    /// What `system`/`init` says about the run that begins.
    package struct SessionStart: Sendable, Equatable, Decodable {
        var sessionID: String?
        var model: String?
        /// The working directory claude runs in.
        var cwd: String?
        /// Names of the tools claude may use in this run.
        var tools: [String]
        var claudeCodeVersion: String?

        init(sessionID: String?, model: String? = nil, cwd: String? = nil, tools: [String] = [], claudeCodeVersion: String? = nil) {
            self.sessionID = sessionID
            self.model = model
            self.cwd = cwd
            self.tools = tools
            self.claudeCodeVersion = claudeCodeVersion
        }

        private enum CodingKeys: String, CodingKey {
            case sessionID = "session_id"
            case model, cwd, tools
            case claudeCodeVersion = "claude_code_version"
        }

        package init(from decoder: any Decoder) throws {
            let line = try decoder.container(keyedBy: CodingKeys.self)
            sessionID = line.lenientValue(String.self, forKey: .sessionID)
            model = line.lenientValue(String.self, forKey: .model)
            cwd = line.lenientValue(String.self, forKey: .cwd)
            tools = line.lenientValue([String].self, forKey: .tools) ?? []
            claudeCodeVersion = line.lenientValue(String.self, forKey: .claudeCodeVersion)
        }
    }
}
