import Foundation

/// One message Slack sends over the Socket Mode WebSocket.
enum SlackSocketMessage: Sendable {
    /// The connection is ready.
    case hello
    /// Slack is about to close the connection (`warning`, `refresh_requested`, `too_many_websockets`,
    /// `link_disabled`, or a reason this build does not know).
    case disconnect(reason: String)
    /// Something to acknowledge: an event, a slash command, an interaction.
    case envelope(SlackEnvelope)
    /// Any other message type; logged and ignored.
    case unknown(type: String)

    /// Decodes one text frame.
    /// - Throws: `DecodingError` when the frame is not JSON or has no `type` (an envelope without an
    ///   `envelope_id` cannot be acknowledged and is treated the same way).
    init(json: String) throws {
        self = try JSONDecoder().decode(Frame.self, from: Data(json.utf8)).message
    }

    /// The frame as sent: the envelope fields and a payload whose shape depends on `type`.
    private struct Frame: Decodable {
        var message: SlackSocketMessage

        enum CodingKeys: String, CodingKey {
            case type, reason, payload
            case envelopeID = "envelope_id"
            case retryAttempt = "retry_attempt"
            case retryReason = "retry_reason"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let type = try container.decode(String.self, forKey: .type)
            switch type {
            case "hello":
                message = .hello
            case "disconnect":
                let reason = try? container.decodeIfPresent(String.self, forKey: .reason)
                message = .disconnect(reason: reason ?? "unknown")
            default:
                guard let envelopeID = try container.decodeIfPresent(String.self, forKey: .envelopeID) else {
                    message = .unknown(type: type)
                    return
                }
                // A payload this build cannot read is still acknowledged, so Slack does not redeliver it forever.
                let payload: SlackEnvelope.Payload =
                    switch type {
                    case "events_api":
                        (try? container.decode(SlackEventCallback.self, forKey: .payload)).map { .event($0) } ?? .other
                    case "interactive":
                        (try? container.decode(SlackBlockAction.self, forKey: .payload)).map { .blockAction($0) }
                            ?? .other
                    case "slash_commands":
                        (try? container.decode(SlackSlashCommand.self, forKey: .payload)).map { .slashCommand($0) }
                            ?? .other
                    default:
                        .other
                    }
                message = .envelope(
                    SlackEnvelope(
                        id: envelopeID, type: type,
                        retryAttempt: (try? container.decodeIfPresent(Int.self, forKey: .retryAttempt)) ?? 0,
                        retryReason: try? container.decodeIfPresent(String.self, forKey: .retryReason),
                        payload: payload))
            }
        }
    }
}
