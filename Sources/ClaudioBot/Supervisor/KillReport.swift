/// What killing a job's process tree did.
struct KillReport: Sendable, Equatable {
    /// How many distinct processes received SIGTERM or SIGKILL.
    var killedCount: Int
    /// Whether the root was still running and was among them (false if it had already exited).
    var rootWasSignalled: Bool
    /// Whether any process outlived the grace period and needed SIGKILL.
    var neededSIGKILL: Bool
    /// The root's exit status.
    var rootExit: ExitStatus
}
