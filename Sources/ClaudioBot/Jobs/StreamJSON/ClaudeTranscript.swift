/// What one claude run has said so far, built from its stream-json lines: the session to resume, the
/// latest activity for the progress message, and the final result.
///
/// When no `result` line arrives (claude was stopped, crashed or timed out) the assistant text seen so
/// far stands in for the answer.
package struct ClaudeTranscript: Sendable {
    /// Bytes of assistant text kept for the fallback answer; more would never fit in chat messages.
    package static let defaultFallbackTextLimit = 1 << 20
    static let toolNameLimit = 100
    static let toolNameLength = 120

    /// What `system`/`init` said; nil when the run never started (e.g. an unknown `--resume` ID).
    private(set) var sessionStart: ClaudeStreamEvent.SessionStart?
    /// The session ID from `system`/`init`, else from the `result` line. After a failed `--resume`
    /// this is the ID that was not found, so check `result?.isError` before storing it.
    private(set) var sessionID: String?
    /// The summary of the latest activity, e.g. "🔧 Bash: ls -la" (see `ProgressSummary`).
    private(set) var latestProgress: String?
    /// The latest API retry, if the run went through any.
    private(set) var latestAPIRetry: ClaudeStreamEvent.APIRetry?
    /// The `result` line; nil until claude finishes on its own.
    private(set) var result: ClaudeStreamEvent.RunResult?
    /// The main agent's text blocks, separated by blank lines, up to `fallbackTextLimit` bytes.
    private(set) var assistantText = ""
    /// Whether assistant text beyond `fallbackTextLimit` was left out.
    private(set) var isAssistantTextTruncated = false
    private(set) var toolUseCount = 0
    /// The tools called, each once, in the order of their first call (the history's `tools_used`); at most
    /// `toolNameLimit` names of at most `toolNameLength` characters, since a name is whatever the stream said.
    private(set) var toolsUsed: [String] = []
    /// Lines that were not JSON objects (tool chatter, warnings); they are skipped.
    private(set) var nonJSONLineCount = 0

    let fallbackTextLimit: Int

    package init(fallbackTextLimit: Int = Self.defaultFallbackTextLimit) {
        self.fallbackTextLimit = fallbackTextLimit
    }

    /// The answer to show: the result's text, or the assistant text when there is no usable result.
    var answer: String? {
        if let text = result?.text, !text.isEmpty { return text }
        return assistantText.isEmpty ? nil : assistantText
    }

    /// Decodes one line (see `StreamJSONLineSplitter`) and records its events, which it returns.
    @discardableResult
    package mutating func consume(line: ArraySlice<UInt8>) -> [ClaudeStreamEvent] {
        guard let events = ClaudeStreamEvent.events(decodingLine: line) else {
            nonJSONLineCount += 1
            return []
        }
        for event in events { record(event) }
        return events
    }

    mutating func record(_ event: ClaudeStreamEvent) {
        if let progress = ProgressSummary.line(for: event) { latestProgress = progress }
        switch event {
        case .sessionStarted(let start):
            sessionStart = start
            if let id = start.sessionID { sessionID = id }
        case .assistantText(let text, let isFromSubagent):
            if !isFromSubagent { appendAssistantText(text) }
        case .toolUse(let use):
            toolUseCount += 1
            noteTool(use.name)
        case .apiRetry(let retry):
            latestAPIRetry = retry
        case .result(let runResult):
            result = runResult
            if sessionID == nil { sessionID = runResult.sessionID }
        case .toolResult, .other, .controlRequest, .controlResponse:
            // Control requests are answered by the runner as they arrive, not kept in the transcript.
            break
        }
    }

    private mutating func noteTool(_ name: String) {
        let name = String(name.prefix(Self.toolNameLength))
        guard !name.isEmpty, toolsUsed.count < Self.toolNameLimit, !toolsUsed.contains(name) else { return }
        toolsUsed.append(name)
    }

    private mutating func appendAssistantText(_ text: String) {
        guard !text.isEmpty, !isAssistantTextTruncated else { return }
        let separator = assistantText.isEmpty ? "" : "\n\n"
        let room = fallbackTextLimit - assistantText.utf8.count - separator.utf8.count
        guard text.utf8.count <= room else {
            isAssistantTextTruncated = true
            let fitting = Self.prefix(of: text, fittingInBytes: room)
            if !fitting.isEmpty { assistantText += separator + fitting }
            return
        }
        assistantText += separator
        assistantText += text
    }

    /// The longest prefix of whole characters whose UTF-8 form fits in `byteCount`.
    private static func prefix(of text: String, fittingInBytes byteCount: Int) -> Substring {
        var end = text.startIndex
        var used = 0
        while end < text.endIndex {
            let next = text.index(after: end)
            used += text.utf8.distance(from: end, to: next)
            guard used <= byteCount else { break }
            end = next
        }
        return text[..<end]
    }
}
