/// Why ``LocalServer/run(router:server:address:logLabel:_:beforeStopping:)`` gave up before running its body.
package enum LocalServerError: Error, Equatable, CustomStringConvertible {
    /// The server ended without an error before it was listening, so there is no port to hand the body. Without this
    /// the test would wait forever for a port that never comes.
    case stoppedBeforeListening

    /// What a failed test prints.
    package var description: String {
        switch self {
        case .stoppedBeforeListening: "the local test server stopped before it was listening"
        }
    }
}
