/// Everything needed to start one child process. The environment is explicit: nothing is inherited
/// implicitly, so callers decide what a child sees (Claudio passes its own environment to `claude`).
struct LaunchRequest: Sendable {
    /// Where the child's standard input comes from.
    enum Input: Sendable {
        /// A pipe fed through `LaunchedProcess.writeAndClose(_:)`.
        case pipe
        case nullDevice
        /// The daemon's own standard input.
        case inherit
    }

    /// Where one of the child's output streams goes.
    enum Output: Sendable {
        /// A pipe read on the event loops (`OutputPump`) and exposed as an `AsyncStream` of chunks.
        case capture
        case nullDevice
        /// The daemon's own stream (useful for a child whose output should land in the daemon's log).
        case inherit
    }

    /// Absolute path of the executable (see `ExecutableLocator` to resolve a bare name); a relative
    /// path is refused.
    var executablePath: String
    /// Arguments after argv[0]; argv[0] is the executable path.
    var arguments: [String]
    var environment: [String: String]
    /// The child's working directory; nil keeps the daemon's.
    var workingDirectory: String?
    /// When set, the child is started with `CLAUDIO_JOB_ID=<tag>`, which its descendants inherit and
    /// `JobProcessTree` looks for.
    var jobTag: String?
    var standardInput: Input
    var standardOutput: Output
    var standardError: Output

    init(
        executablePath: String,
        arguments: [String] = [],
        environment: [String: String] = [:],
        workingDirectory: String? = nil,
        jobTag: String? = nil,
        standardInput: Input = .nullDevice,
        standardOutput: Output = .capture,
        standardError: Output = .capture
    ) {
        self.executablePath = executablePath
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.jobTag = jobTag
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}
