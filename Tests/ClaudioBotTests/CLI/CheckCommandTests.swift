import Foundation
import Testing

@testable import ClaudioBot

@Suite("`claudio check` and `claudio run` refuse invalid configurations (built binary)")
struct CheckCommandTests {
    static let token = "123456789:AAHk-CheckCommandSecretToken_0123456789"
    let directory: ScratchDirectory

    init() throws {
        directory = try ScratchDirectory()
    }

    var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": directory.path, "CLAUDE_CLI_PATH": FakeClaude.path, "WORKSPACE_PATH": directory.path]
    }

    @Test("TELEGRAM_BOT_TOKEN without ALLOWED_USER_IDS exits 2 naming ALLOWED_USER_IDS")
    func missingAllowlist() async throws {
        defer { directory.remove() }
        var environment = environment
        environment["TELEGRAM_BOT_TOKEN"] = Self.token
        let result = try await ClaudioBinary.run(["check"], environment: environment, in: directory.path)
        #expect(result.status.code == 2)
        #expect(result.standardErrorText.contains("ALLOWED_USER_IDS"))
        #expect(!result.standardErrorText.contains(Self.token))
    }

    @Test("RATE_LIMIT_REQUESTS=abc exits 2 naming it, with every other problem too")
    func badNumber() async throws {
        defer { directory.remove() }
        var environment = environment
        environment["TELEGRAM_BOT_TOKEN"] = Self.token
        environment["ALLOWED_USER_IDS"] = "42"
        environment["RATE_LIMIT_REQUESTS"] = "abc"
        environment["LOG_LEVEL"] = "chatty"
        let result = try await ClaudioBinary.run(["check"], environment: environment, in: directory.path)
        #expect(result.status.code == 2)
        #expect(result.standardErrorText.contains("RATE_LIMIT_REQUESTS=\"abc\""))
        #expect(result.standardErrorText.contains("LOG_LEVEL"))
    }

    @Test("a valid configuration exits 0 and shows masked settings, the CLI version and warnings")
    func valid() async throws {
        defer { directory.remove() }
        try "TELEGRAM_BOT_TOKEN=\(Self.token)\nALLOWED_USER_IDS=42, 43\n".write(
            toFile: directory.path + "/.env", atomically: true, encoding: .utf8)
        var environment = environment
        environment["SLACK_BOT_TOKEN"] = "xoxb-1-secretslack"
        environment["SLACK_APP_TOKEN"] = "xapp-1-secretapp"
        let result = try await ClaudioBinary.run(["check"], environment: environment, in: directory.path)
        #expect(result.status.code == 0)
        let output = result.standardOutputText
        #expect(output.contains("9.9.9 (Fake Claude Code)"))
        #expect(output.contains("ALLOWED_USER_IDS"))
        #expect(output.contains("42,43  [file]"))
        #expect(output.contains("SLACK_ALLOWED_USER_IDS is empty"))
        #expect(!output.contains(Self.token))
        #expect(!output.contains("secretslack") && !output.contains("secretapp"))
        if getuid() == 0 {
            #expect(output.contains("IS_SANDBOX"))
        }
    }

    @Test("a missing claude CLI is a warning, not an error")
    func missingCLI() async throws {
        defer { directory.remove() }
        var environment = environment
        environment["TELEGRAM_BOT_TOKEN"] = Self.token
        environment["ALLOWED_USER_IDS"] = "42"
        environment["CLAUDE_CLI_PATH"] = "claude-that-does-not-exist"
        let result = try await ClaudioBinary.run(["check"], environment: environment, in: directory.path)
        #expect(result.status.code == 0)
        #expect(result.standardOutputText.contains("claude CLI not found in PATH"))
    }

    @Test("`claudio run` with no channel configured exits 2")
    func runRefuses() async throws {
        defer { directory.remove() }
        let result = try await ClaudioBinary.run(["run"], environment: environment, in: directory.path)
        #expect(result.status.code == 2)
        #expect(result.standardErrorText.contains("no channel is configured"))
    }
}
