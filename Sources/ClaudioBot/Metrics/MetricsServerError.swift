import Shared

/// Why the `METRICS_LISTEN` listener could not serve.
enum MetricsServerError: Error, CustomStringConvertible {
    case cannotListen(address: MetricsListenAddress, reason: String)

    var description: String {
        switch self {
        case .cannotListen(let address, let reason):
            "cannot serve metrics on METRICS_LISTEN=\(address): \(reason). Pick a free port, or unset METRICS_LISTEN."
        }
    }
}
