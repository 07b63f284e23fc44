import Shared

/// Why a voice note could not be transcribed. The description completes "Could not transcribe the voice note: …", so
/// it names the service by its host only and never holds the API key.
enum TranscriptionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection to the service.
    case unreachable(host: String, detail: String)
    /// No answer within the timeout.
    case timedOut(host: String, after: Duration)
    /// The service answered with an error status; `detail` is its own message, when it sent one.
    case rejected(host: String, status: Int, detail: String?)
    /// An answer without the transcript's text.
    case malformedAnswer(host: String)
    /// The transcript is empty: nothing was said, or nothing the service recognized.
    case noSpeech
    /// The task was cancelled (shutdown).
    case cancelled

    var description: String {
        switch self {
        case .unreachable(let host, let detail):
            "the speech-to-text service at \(host) is unreachable (\(detail))"
        case .timedOut(let host, let after):
            "the speech-to-text service at \(host) did not answer within \(SecondsText.format(after.seconds)) s"
        case .rejected(let host, let status, let detail?):
            "the speech-to-text service at \(host) answered HTTP \(status): \(detail)"
        case .rejected(let host, let status, nil):
            "the speech-to-text service at \(host) answered HTTP \(status)"
        case .malformedAnswer(let host):
            "the speech-to-text service at \(host) answered without a transcript"
        case .noSpeech:
            "no speech was recognized in it"
        case .cancelled:
            "Claudio is shutting down"
        }
    }
}

extension Duration {
    /// The duration in seconds, for texts.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
