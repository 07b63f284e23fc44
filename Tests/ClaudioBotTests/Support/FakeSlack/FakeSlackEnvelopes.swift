import Foundation

/// The Socket Mode frames the fake sends, shaped like Slack's.
enum FakeSlackEnvelopes {
    static let hello = json([
        "type": "hello", "num_connections": 1,
        "debug_info": ["host": "fake-slack", "approximate_connection_time": 18060],
        "connection_info": ["app_id": "A0CLAUDIO"],
    ])

    static func disconnect(reason: String) -> String {
        json(["type": "disconnect", "reason": reason, "debug_info": ["host": "fake-slack"]])
    }

    /// An envelope around an already encoded payload.
    static func envelope(
        id: String, type: String, payloadJSON: String, retryAttempt: Int = 0, retryReason: String = ""
    ) -> String {
        let head = json([
            "envelope_id": id, "type": type, "accepts_response_payload": type == "slash_commands",
            "retry_attempt": retryAttempt, "retry_reason": retryReason,
        ])
        // Splices the payload in as JSON, unchanged, so a redelivery carries exactly the same event.
        return String(head.dropLast()) + #","payload":"# + payloadJSON + "}"
    }

    static func eventPayload(eventID: String, eventTime: Int, event: [String: Any]) -> String {
        json([
            "token": "verification-token", "team_id": FakeSlack.teamID, "api_app_id": "A0CLAUDIO", "event": event,
            "type": "event_callback", "event_id": eventID, "event_time": eventTime,
        ])
    }

    static func slashCommandPayload(
        command: String, text: String, userID: String, userName: String, channelID: String, responseURL: String,
        teamID: String
    ) -> String {
        json([
            "token": "verification-token", "team_id": teamID, "team_domain": "fake", "channel_id": channelID,
            "channel_name": "general", "user_id": userID, "user_name": userName, "command": command, "text": text,
            "api_app_id": "A0CLAUDIO", "response_url": responseURL, "trigger_id": "1.2.3",
        ])
    }

    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
