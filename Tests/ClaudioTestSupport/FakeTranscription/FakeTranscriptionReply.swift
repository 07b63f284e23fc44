/// What the fake transcription server answers a request with.
package enum FakeTranscriptionReply: Sendable, Equatable {
    /// `{"text": …}`.
    case text(String)
    /// An OpenAI-style error: `status` with `{"error": {"message": …}}`.
    case error(status: Int, message: String)
    /// No answer until the server stops: for a client's timeout.
    case hang
}
