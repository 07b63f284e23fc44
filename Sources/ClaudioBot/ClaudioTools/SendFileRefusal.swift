/// Why `send_file` did not read a file (SPEC §14), worded for the model's tool result.
enum SendFileRefusal: Error, Sendable, Equatable {
    /// The path, as written or once its links are resolved, leads out of the workspace.
    case outsideWorkspace
    /// One of Claudio's own files (the env file, the state database, …) or a path of `JOB_SANDBOX_HIDE`.
    case hiddenFromJobs
    case notFound
    /// A directory, FIFO, socket or device.
    case notRegularFile
    case tooLarge(bytes: Int, max: Int)
    /// A folder or the file on the way was replaced by a link between resolving the path and opening it.
    case changedWhileOpening
    /// The system would not let the daemon read it; `reason` is the system's word for why.
    case unreadable(reason: String)

    var reason: String {
        switch self {
        case .outsideWorkspace: "outside the workspace"
        case .hiddenFromJobs: "kept from jobs (one of Claudio's own files, or listed in JOB_SANDBOX_HIDE)"
        case .notFound: "not found"
        case .notRegularFile: "not a regular file"
        case .tooLarge(let bytes, let max): "too large: \(bytes) bytes (max \(max))"
        case .changedWhileOpening: "the path changed while it was being opened (a link was put in its way)"
        case .unreadable(let reason): "cannot be read (\(reason))"
        }
    }
}
