import Shared

/// The texts a job shows in its chat.
enum JobMessages {
    static let working = "⏳ Working…"

    /// The placeholder a job posts first: Slack's reads "Processing…" (SPEC §9), Telegram's "Working…".
    static func placeholder(for platform: Platform) -> String {
        platform == .slack ? "⏳ Processing…" : working
    }
    static let newConversation = "ℹ️ The previous conversation could not be resumed, so a new one began."
    static let noAnswer = "⚠️ claude finished without an answer."

    static func progress(_ activity: String, platform: Platform) -> String {
        "\(placeholder(for: platform))\n\(activity)"
    }

    /// A failed run: the exit code, what claude said, and a short sanitized stderr tail.
    static func failure(report: ClaudeRunReport) -> String {
        var lines = ["❌ claude failed (exit code \(report.exit.code))."]
        if let result = report.transcript.result {
            let said = [result.text ?? ""] + result.errors
            let text = TextSanitizer.excerpt(said.filter { !$0.isEmpty }.joined(separator: " — "), limit: 500)
            if !text.isEmpty { lines.append(text) }
        }
        if !report.stderrTail.isEmpty {
            lines.append(report.stderrTail)
        }
        return lines.joined(separator: "\n")
    }

    /// A prompt whose job was running when Claudio stopped without shutting down (a crash, a kill, a power cut).
    static func interruptedByRestart(prompt: String) -> String {
        "⚠️ Claudio stopped unexpectedly while this prompt was running: “\(TextSanitizer.excerpt(prompt, limit: 100))”. "
            + "It was not run again, because it may already have done part of its work. "
            + "Check the result, then send it again if you still need it."
    }

    /// The intake could not record that the job starts; run unrecorded, a crash could run it a second time.
    static let startNotRecorded =
        "❌ This prompt was not run: Claudio could not record its start (its state database is failing). "
        + "Please send it again later."

    static func couldNotStart(_ error: any Error) -> String {
        "❌ Could not start claude: \(error). Ask the operator to run `claudio check`."
    }
}
