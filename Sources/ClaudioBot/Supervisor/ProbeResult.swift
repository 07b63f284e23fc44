/// The outcome of a `CommandProbe` run.
struct ProbeResult: Sendable, Equatable {
    var status: ExitStatus
    /// Captured standard output, at most the probe's cap.
    var standardOutput: [UInt8]
    /// Captured standard error, at most the probe's cap.
    var standardError: [UInt8]
    /// True if the command outlived the timeout and its tree was killed.
    var timedOut: Bool

    var standardOutputText: String { String(decoding: standardOutput, as: UTF8.self) }
    var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }
}
