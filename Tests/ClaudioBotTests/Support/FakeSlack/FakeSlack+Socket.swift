import Foundation

/// Injecting Socket Mode traffic.
extension FakeSlack {
    struct NoOpenSocket: Error {}

    /// A direct message from `user`, a member of workspace `team`.
    @discardableResult
    func sendDirectMessage(
        _ text: String, from user: String, team: String = FakeSlack.teamID, channel: String = "D0DIRECT",
        threadTS: String? = nil, botID: String? = nil, subtype: String? = nil
    ) async throws -> FakeSlackDelivery {
        try await sendMessageEvent(
            type: "message", text: text, from: user, team: team, channel: channel, channelType: "im",
            threadTS: threadTS, botID: botID, subtype: subtype, files: nil)
    }

    /// A direct message from `user` sharing `files`, with `text` as its message (subtype `file_share`).
    @discardableResult
    func sendFileShare(
        _ files: [FakeSlackSharedFile], text: String = "", from user: String, channel: String = "D0DIRECT"
    ) async throws -> FakeSlackDelivery {
        var objects: [[String: Any]] = []
        for file in files {
            let id = await state.share(file)
            var object: [String: Any] = [
                "id": id, "name": file.name, "title": file.name, "mimetype": file.mimeType,
                "filetype": file.name.split(separator: ".").last.map(String.init) ?? "binary",
                "size": file.statedSize ?? file.data.count,
                "url_private": "http://127.0.0.1:\(port)/files/\(id)/\(file.name)",
                "url_private_download": "http://127.0.0.1:\(port)/files/\(id)/\(file.name)",
            ]
            if let subtype = file.subtype { object["subtype"] = subtype }
            if let duration = file.durationMilliseconds { object["duration_ms"] = duration }
            objects.append(object)
        }
        return try await sendMessageEvent(
            type: "message", text: text, from: user, team: FakeSlack.teamID, channel: channel, channelType: "im",
            threadTS: nil, botID: nil, subtype: "file_share", files: objects)
    }

    /// An `app_mention` in a channel; `text` is what Slack sends, e.g. "<@UCLAUDIO> summarise this". A `team` other
    /// than the bot's makes `user` a Slack Connect user writing in a shared channel.
    @discardableResult
    func sendMention(
        _ text: String, from user: String, team: String = FakeSlack.teamID, channel: String = "C0GENERAL",
        threadTS: String? = nil
    ) async throws -> FakeSlackDelivery {
        try await sendMessageEvent(
            type: "app_mention", text: text, from: user, team: team, channel: channel, channelType: nil,
            threadTS: threadTS, botID: nil, subtype: nil, files: nil)
    }

    /// The same event again in a new envelope, as Slack redelivers an envelope it saw no ack for.
    @discardableResult
    func redeliver(_ delivery: FakeSlackDelivery, attempt: Int = 1, reason: String = "timeout") async throws
        -> FakeSlackDelivery
    {
        var again = delivery
        again.envelopeID = "env-\(await state.nextID())"
        let frame = FakeSlackEnvelopes.envelope(
            id: again.envelopeID, type: delivery.type, payloadJSON: delivery.payloadJSON, retryAttempt: attempt,
            retryReason: reason)
        guard await state.send(frame, envelopeID: again.envelopeID) else { throw NoOpenSocket() }
        return again
    }

    /// A slash command sent from workspace `team`; its response URL is
    /// `http://127.0.0.1:PORT/response/<envelope ID>`.
    @discardableResult
    func sendSlashCommand(
        _ command: String, text: String = "", from user: String, userName: String = "alice",
        team: String = FakeSlack.teamID, channel: String = "C0GENERAL"
    ) async throws -> FakeSlackDelivery {
        let envelopeID = "env-\(await state.nextID())"
        let payload = FakeSlackEnvelopes.slashCommandPayload(
            command: command, text: text, userID: user, userName: userName, channelID: channel,
            responseURL: "http://127.0.0.1:\(port)/response/\(envelopeID)", teamID: team)
        let frame = FakeSlackEnvelopes.envelope(id: envelopeID, type: "slash_commands", payloadJSON: payload)
        guard await state.send(frame, envelopeID: envelopeID) else { throw NoOpenSocket() }
        return FakeSlackDelivery(
            envelopeID: envelopeID, channel: channel, payloadJSON: payload, type: "slash_commands")
    }

    /// `user` presses the button with `value` under the message `messageTS` (an `interactive` envelope of type
    /// `block_actions`, shaped like Slack's).
    @discardableResult
    func pressButton(
        value: String, under messageTS: String, threadTS: String? = nil, from user: String, userName: String = "alice",
        channel: String = "D0DIRECT"
    ) async throws -> FakeSlackDelivery {
        let envelopeID = "env-\(await state.nextID())"
        var message: [String: Any] = ["ts": messageTS, "type": "message"]
        if let threadTS { message["thread_ts"] = threadTS }
        let payload = FakeSlackEnvelopes.json([
            "type": "block_actions", "api_app_id": "A0CLAUDIO", "trigger_id": "1.2.3",
            "user": ["id": user, "username": userName, "name": userName, "team_id": FakeSlack.teamID],
            "team": ["id": FakeSlack.teamID, "domain": "fake"], "channel": ["id": channel, "name": "directmessage"],
            "container": ["type": "message", "message_ts": messageTS, "channel_id": channel, "is_ephemeral": false],
            "message": message,
            "actions": [["type": "button", "action_id": value, "block_id": "b1", "value": value, "action_ts": "1.2"]],
        ])
        let frame = FakeSlackEnvelopes.envelope(id: envelopeID, type: "interactive", payloadJSON: payload)
        guard await state.send(frame, envelopeID: envelopeID) else { throw NoOpenSocket() }
        return FakeSlackDelivery(envelopeID: envelopeID, channel: channel, payloadJSON: payload, type: "interactive")
    }

    /// A `disconnect` message (`refresh_requested`, `warning`, `link_disabled`, `too_many_websockets`, …).
    func sendDisconnect(reason: String) async throws {
        guard await state.send(FakeSlackEnvelopes.disconnect(reason: reason)) else { throw NoOpenSocket() }
    }

    /// Any frame, as is.
    func sendRaw(_ frame: String) async throws {
        guard await state.send(frame) else { throw NoOpenSocket() }
    }

    /// Closes the newest socket's TCP connection without a WebSocket close, like a network failure.
    func dropSocket() async {
        await state.dropNewestSocket()
    }

    private func sendMessageEvent(
        type: String, text: String, from user: String, team: String, channel: String, channelType: String?,
        threadTS: String?, botID: String?, subtype: String?, files: [[String: Any]]?
    ) async throws -> FakeSlackDelivery {
        let id = await state.nextID()
        let now = Int(Date().timeIntervalSince1970)
        let ts = "\(now).\(String(format: "%06d", id))"
        var event: [String: Any] = [
            "type": type, "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts, "team": team,
        ]
        // What Slack adds to a message from another organisation's member in a shared channel; the envelope's
        // `team_id` stays the bot's workspace.
        if team != FakeSlack.teamID {
            event["user_team"] = team
            event["source_team"] = team
        }
        if let channelType { event["channel_type"] = channelType }
        if let threadTS { event["thread_ts"] = threadTS }
        if let botID { event["bot_id"] = botID }
        if let subtype { event["subtype"] = subtype }
        if let files { event["files"] = files }
        let eventID = "Ev\(id)"
        let envelopeID = "env-\(id)"
        let payload = FakeSlackEnvelopes.eventPayload(eventID: eventID, eventTime: now, event: event)
        let frame = FakeSlackEnvelopes.envelope(id: envelopeID, type: "events_api", payloadJSON: payload)
        guard await state.send(frame, envelopeID: envelopeID) else { throw NoOpenSocket() }
        return FakeSlackDelivery(
            envelopeID: envelopeID, eventID: eventID, ts: ts, channel: channel, payloadJSON: payload, type: "events_api")
    }
}
