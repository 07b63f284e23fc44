import Foundation
import Testing

@testable import ClaudioBot

@Suite("Slack Socket Mode message decoding")
struct SlackSocketMessageTests {
    @Test("hello and disconnect messages are recognised, with the disconnect reason")
    func controlMessages() throws {
        guard case .hello = try SlackSocketMessage(json: #"{"type":"hello","num_connections":1}"#) else {
            Issue.record("hello not recognised")
            return
        }
        let disconnect = try SlackSocketMessage(
            json: #"{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"wss-1"}}"#)
        guard case .disconnect(let reason) = disconnect else {
            Issue.record("disconnect not recognised")
            return
        }
        #expect(reason == "refresh_requested")
    }

    @Test("An events_api envelope carries its event, event ID, time and retry attempt")
    func eventsAPI() throws {
        let json = """
            {"envelope_id":"e-1","type":"events_api","accepts_response_payload":false,"retry_attempt":2,
             "retry_reason":"timeout","payload":{"type":"event_callback","event_id":"Ev42","event_time":1700000000,
             "event":{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"hi",
                      "ts":"1700000000.000100","thread_ts":"1699999999.000001"}}}
            """
        let envelope = try #require(try decodeEnvelope(json))
        #expect(envelope.id == "e-1")
        #expect(envelope.retryAttempt == 2)
        #expect(envelope.retryReason == "timeout")
        #expect(envelope.deduplicationKey == "event:Ev42")
        guard case .event(let callback) = envelope.payload else {
            Issue.record("payload not read as an event")
            return
        }
        #expect(callback.eventTime == 1_700_000_000)
        #expect(
            callback.event
                == SlackEvent(
                    type: "message", channel: "D1", channelType: "im", user: "U1", text: "hi", ts: "1700000000.000100",
                    threadTS: "1699999999.000001"))
    }

    @Test("A slash_commands envelope carries the command, caller and response URL")
    func slashCommand() throws {
        let json = """
            {"envelope_id":"e-2","type":"slash_commands","accepts_response_payload":true,
             "payload":{"command":"/claudio","text":"list files","user_id":"U9","user_name":"bob",
                        "channel_id":"C7","channel_name":"general","response_url":"https://hooks.slack.test/r/1"}}
            """
        let envelope = try #require(try decodeEnvelope(json))
        #expect(envelope.retryAttempt == 0)
        #expect(envelope.deduplicationKey == "envelope:e-2")
        guard case .slashCommand(let command) = envelope.payload else {
            Issue.record("payload not read as a slash command")
            return
        }
        #expect(
            command
                == SlackSlashCommand(
                    command: "/claudio", text: "list files", userID: "U9", userName: "bob", channelID: "C7",
                    channelName: "general", responseURL: "https://hooks.slack.test/r/1"))
    }

    @Test("An envelope with a payload this build cannot read is still an envelope, so it gets its ack")
    func unreadablePayloadIsStillAcknowledged() throws {
        let json = #"{"envelope_id":"e-3","type":"events_api","payload":{"event":{"type":"user_change","user":{"id":"U1"}}}}"#
        let envelope = try #require(try decodeEnvelope(json))
        guard case .other = envelope.payload else {
            Issue.record("an unreadable payload should be .other")
            return
        }
        let ack = try JSONSerialization.jsonObject(with: Data(envelope.acknowledgement.utf8)) as? [String: String]
        #expect(ack == ["envelope_id": "e-3"])
    }

    @Test("Frames that are not Slack messages are rejected")
    func garbage() {
        #expect(throws: (any Error).self) { try SlackSocketMessage(json: "not json") }
        #expect(throws: (any Error).self) { try SlackSocketMessage(json: #"{"envelope_id":"x"}"#) }
    }

    private func decodeEnvelope(_ json: String) throws -> SlackEnvelope? {
        if case .envelope(let envelope) = try SlackSocketMessage(json: json) { return envelope }
        return nil
    }
}
