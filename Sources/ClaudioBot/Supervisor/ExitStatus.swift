/// How a child process ended, as `waitid(2)` reports it.
enum ExitStatus: Sendable, Hashable, CustomStringConvertible {
    /// The process called `exit` with this code.
    case exited(Int32)
    /// The process was terminated by this signal.
    case signalled(Int32)

    /// The code a shell would show for this status: the exit code, or 128 + the signal number.
    var code: Int32 {
        switch self {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        }
    }

    var description: String {
        switch self {
        case .exited(let code): "exit code \(code)"
        case .signalled(let signal): "signal \(signal)"
        }
    }
}
