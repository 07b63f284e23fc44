/// How one claude process ended and what it said.
struct ClaudeRunReport: Sendable {
    var transcript: ClaudeTranscript
    var exit: ExitStatus
    /// A short sanitized tail of stderr for error messages.
    var stderrTail: String
    /// Set when the job was killed (timeout, admin, cancel, shutdown) while this process ran.
    var killReason: KillReason?

    /// The CLI could not resume the session (an unknown or expired `--resume` ID): it printed no `init` line and
    /// ended with an error result, or with no result at all and a non-zero exit.
    var resumeFailed: Bool {
        guard killReason == nil, transcript.sessionStart == nil else { return false }
        if let result = transcript.result { return result.isError }
        return exit.code != 0
    }
}
