import Foundation
import Shared

/// Reads what an envelope asks of Claudio (SPEC §4.2, §9): direct messages and mentions are prompts, with the files
/// shared in them (SPEC §15); messages from bots (Claudio's own included), other message subtypes (edits, joins…)
/// and other events are ignored; slash
/// commands map to their command. A sender from another workspace than the bot's is marked
/// (`ChatUser.foreignTeamID`) for the gate, never dropped here.
struct SlackEventInterpreter: Sendable {
    /// The bot itself, from `auth.test`.
    let identity: SlackIdentity
    var now: @Sendable () -> Date = { Date() }

    func action(for envelope: SlackEnvelope) -> SlackInboundAction {
        switch envelope.payload {
        case .event(let callback): action(for: callback)
        case .slashCommand(let command): action(for: command)
        case .other: .ignore(reason: "\(envelope.type) envelope")
        case .blockAction: .ignore(reason: "a button press (answered by the channel)")
        }
    }

    func action(for callback: SlackEventCallback) -> SlackInboundAction {
        let event = callback.event
        switch event.type {
        case "message" where event.channelType == "im", "app_mention":
            break
        case "message":
            return .ignore(reason: "message outside a direct message (channel type \(event.channelType ?? "none"))")
        default:
            return .ignore(reason: "\(event.type) event")
        }
        if event.botID != nil { return .ignore(reason: "message from a bot") }
        if let subtype = event.subtype, subtype != "file_share" { return .ignore(reason: "message subtype \(subtype)") }
        guard let user = event.user, let channel = event.channel else {
            return .ignore(reason: "\(event.type) without a user or channel")
        }
        if user == identity.userID { return .ignore(reason: "Claudio's own message") }
        let sentAt =
            callback.eventTime.map { Date(timeIntervalSince1970: Double($0)) }
            ?? event.ts.flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } ?? now()
        let foreignTeam = foreignTeam(among: [callback.teamID, event.team, event.userTeam])
        return .message(
            InboundMessage(
                user: ChatUser(platform: .slack, id: user, foreignTeamID: foreignTeam), chatID: channel,
                // Replies go in the message's thread, starting one under a top-level message.
                threadID: event.threadTS ?? event.ts, messageID: event.ts,
                text: SlackInboundText.plain(event.text ?? "", removingMentionsOf: identity.userID),
                attachments: (event.files ?? []).map(\.attachment), sentAt: sentAt),
            .prompt, responseURL: nil)
    }

    func action(for command: SlackSlashCommand) -> SlackInboundAction {
        let message = InboundMessage(
            user: ChatUser(
                platform: .slack, id: command.userID, username: command.userName,
                foreignTeamID: foreignTeam(among: [command.teamID])),
            chatID: command.channelID,
            text: SlackInboundText.plain(command.text, removingMentionsOf: identity.userID), sentAt: now())
        let request: ChatRequest =
            switch command.command {
            case "/claudio": .prompt
            case "/claudio-new": .newConversation
            case "/claudio-status": .whoAmI(withStatus: true)
            default: .help
            }
        return .message(message, request, responseURL: command.responseURL)
    }

    /// The first workspace among `teams` that is not the bot's, nil when every one named is the bot's (SPEC §18).
    /// Slack names the sender's workspace in several fields, and a Slack Connect message can name the bot's in one
    /// and the sender's in another, so all of them must match. When `auth.test` named no workspace, nobody can be
    /// shown to be a member of it, so every sender counts as foreign.
    private func foreignTeam(among teams: [String?]) -> String? {
        let named = teams.compactMap { $0 }.filter { !$0.isEmpty }
        guard let own = identity.teamID else { return named.first ?? "unknown" }
        return named.first { $0 != own }
    }
}
