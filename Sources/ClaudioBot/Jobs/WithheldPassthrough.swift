/// An entry of `JOB_ENV_PASSTHROUGH` that names or matches variables claude never gets (Claudio's secrets,
/// `CLAUDIO_*`). Not an error (SPEC §12): that part is ignored and the operator is warned.
struct WithheldPassthrough: Sendable, Equatable, CustomStringConvertible {
    /// The entry as listed, e.g. `TELEGRAM_BOT_TOKEN` or `SLACK_*`.
    let entry: String
    /// What it reaches for and is never passed: the entry itself when it is ignored entirely, else the names
    /// (or `CLAUDIO_*`) a broader pattern still leaves out.
    let withheld: [String]

    /// Whether nothing of the entry is passed.
    var isIgnoredEntirely: Bool { withheld == [entry] }

    /// `TELEGRAM_BOT_TOKEN`, or `SLACK_* (but not SLACK_APP_TOKEN, SLACK_BOT_TOKEN)`.
    var description: String {
        isIgnoredEntirely ? entry : "\(entry) (but not \(withheld.joined(separator: ", ")))"
    }
}
