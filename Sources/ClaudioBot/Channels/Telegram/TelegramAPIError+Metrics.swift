extension TelegramAPIError {
    /// The kind `claudio_channel_errors_total` counts this failure as.
    var metricKind: ChannelErrorKind {
        switch self {
        case .transport, .cancelled: .network
        case .server, .malformedResponse: .server
        case .tooManyRequests: .rateLimited
        case .unauthorized: .auth
        case .conflict: .conflict
        case .notFound, .badRequest, .forbidden, .unexpected: .rejected
        }
    }
}
