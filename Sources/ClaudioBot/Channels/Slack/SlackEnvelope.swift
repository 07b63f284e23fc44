import Foundation

/// A Socket Mode envelope: what Slack wants acknowledged with `{"envelope_id": …}` within 3 s, and redelivers
/// (with `retry_attempt` > 0) when it was not.
struct SlackEnvelope: Sendable {
    enum Payload: Sendable {
        /// `events_api`: an Events API callback (messages, mentions).
        case event(SlackEventCallback)
        /// `slash_commands`: `/claudio`, `/claudio-new`, `/claudio-status`.
        case slashCommand(SlackSlashCommand)
        /// `interactive` / `block_actions`: a button of Claudio's questions pressed.
        case blockAction(SlackBlockAction)
        /// Interactions and payloads Claudio does not read; acknowledged only.
        case other
    }

    var id: String
    /// `events_api`, `slash_commands`, `interactive`, …
    var type: String
    var retryAttempt: Int
    var retryReason: String?
    var payload: Payload

    /// The frame that acknowledges this envelope.
    var acknowledgement: String {
        let data = (try? JSONEncoder().encode(["envelope_id": id])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// What identifies the work inside across redeliveries: a redelivered event keeps its `event_id` but comes in a
    /// new envelope; a slash command has no event ID, so its envelope ID stands in.
    var deduplicationKey: String {
        if case .event(let callback) = payload, let eventID = callback.eventID { return "event:\(eventID)" }
        return "envelope:\(id)"
    }
}
