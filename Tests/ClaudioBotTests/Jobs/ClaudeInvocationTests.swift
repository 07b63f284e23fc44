import Shared
import Testing

@testable import ClaudioBot

@Suite("claude's argv offers Claudio's own MCP server, beside the operator's (SPEC §5, §14)")
struct ClaudeInvocationTests {
    static let inlineConfig = #"{"mcpServers":{"claudio":{"type":"sdk","name":"claudio"}}}"#

    @Test("the in-process server is always configured inline, then MCP_CONFIG_PATH's file when set")
    func mcpConfigs() {
        var settings = FakeClaude.settings()
        let plain = ClaudeInvocation(executable: "claude", settings: settings, resumeSessionID: nil).arguments
        #expect(Array(plain.suffix(2)) == ["--mcp-config", Self.inlineConfig])
        settings.mcpConfigPath = "/etc/claudio/mcp.json"
        let both = ClaudeInvocation(executable: "claude", settings: settings, resumeSessionID: nil).arguments
        #expect(Array(both.suffix(4)) == ["--mcp-config", Self.inlineConfig, "--mcp-config", "/etc/claudio/mcp.json"])
    }

    @Test("a restricted ALLOWED_TOOLS still allows send_file, named once")
    func restrictedTools() {
        let listed = ClaudeInvocation(
            executable: "claude", settings: FakeClaude.settings(allowedTools: .only(["Read", "mcp__claudio__send_file"])),
            resumeSessionID: nil
        ).arguments
        #expect(listed.firstIndex(of: "--allowedTools").map { listed[$0 + 1] } == "Read,mcp__claudio__send_file")
        let all = ClaudeInvocation(executable: "claude", settings: FakeClaude.settings(), resumeSessionID: nil).arguments
        #expect(!all.contains("--allowedTools"))
    }
}
