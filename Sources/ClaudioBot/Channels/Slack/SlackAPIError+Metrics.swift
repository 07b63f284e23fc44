extension SlackAPIError {
    /// The kind `claudio_channel_errors_total` counts this failure as.
    var metricKind: ChannelErrorKind {
        switch self {
        case .rejected where isCredentialsProblem: .auth
        case .rejected(_, "ratelimited"), .rateLimited: .rateLimited
        case .rejected(_, let error) where Self.transientErrors.contains(error): .server
        case .rejected: .rejected
        case .httpStatus(_, let status): status >= 500 ? .server : .rejected
        case .transport: .network
        case .malformedResponse: .server
        }
    }
}
