import Foundation
import Shared
import Testing

@testable import ClaudioBot

@Suite("Slack event interpretation")
struct SlackEventInterpreterTests {
    private let interpreter = SlackEventInterpreter(
        identity: SlackIdentity(userID: "UBOT", botID: "BBOT", teamID: "T0HOME"),
        now: { Date(timeIntervalSince1970: 1_800_000_000) })

    private func callback(_ event: SlackEvent, time: Int? = 1_700_000_000) -> SlackEventCallback {
        SlackEventCallback(eventID: "Ev1", eventTime: time, teamID: "T0HOME", event: event)
    }

    /// The sender as the gate will see it.
    private func sender(of action: SlackInboundAction) -> ChatUser? {
        guard case .message(let message, _, _) = action else { return nil }
        return message.user
    }

    @Test("A direct message is a prompt answered in a thread under it")
    func directMessage() throws {
        let event = SlackEvent(
            type: "message", channel: "D1", channelType: "im", user: "U1", text: "list files", ts: "1700000000.000100")
        guard case .message(let message, .prompt, nil) = interpreter.action(for: callback(event)) else {
            Issue.record("a DM should be a prompt")
            return
        }
        #expect(message.user == ChatUser(platform: .slack, id: "U1"))
        #expect(message.chatID == "D1")
        #expect(message.threadID == "1700000000.000100")
        #expect(message.messageID == "1700000000.000100")
        #expect(message.text == "list files")
        #expect(message.sentAt == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test("A mention is a prompt without the mention, answered in its existing thread")
    func mentionInThread() {
        let event = SlackEvent(
            type: "app_mention", channel: "C1", user: "U1", text: "<@UBOT> what changed?", ts: "1700000005.000200",
            threadTS: "1700000001.000001")
        guard case .message(let message, .prompt, nil) = interpreter.action(for: callback(event, time: nil)) else {
            Issue.record("a mention should be a prompt")
            return
        }
        #expect(message.text == "what changed?")
        #expect(message.threadID == "1700000001.000001")
        #expect(abs(message.sentAt.timeIntervalSince1970 - 1_700_000_005.0002) < 0.001)
    }

    @Test(
        "Bot messages, Claudio's own, subtypes and channel messages are ignored",
        arguments: [
            SlackEvent(type: "message", channel: "D1", channelType: "im", user: "U1", text: "x", ts: "1.1", botID: "B9"),
            SlackEvent(type: "message", channel: "D1", channelType: "im", user: "UBOT", text: "x", ts: "1.1"),
            SlackEvent(type: "message", subtype: "message_changed", channel: "D1", channelType: "im", text: "x"),
            SlackEvent(type: "message", subtype: "bot_message", channel: "D1", channelType: "im", text: "x"),
            SlackEvent(type: "message", channel: "C1", channelType: "channel", user: "U1", text: "x", ts: "1.1"),
            SlackEvent(type: "reaction_added", user: "U1"),
            SlackEvent(type: "message", channelType: "im", user: "U1", text: "x", ts: "1.1"),
        ])
    func ignored(event: SlackEvent) {
        guard case .ignore = interpreter.action(for: callback(event)) else {
            Issue.record("\(event) should be ignored")
            return
        }
    }

    @Test("Slash commands map to their command, with the caller's name and the response URL")
    func slashCommands() {
        func action(_ name: String, _ text: String = "") -> SlackInboundAction {
            interpreter.action(
                for: SlackSlashCommand(
                    command: name, text: text, userID: "U1", userName: "alice", channelID: "C1", responseURL: "https://r"))
        }
        guard case .message(let prompt, .prompt, let url) = action("/claudio", "run &lt;tests&gt;") else {
            Issue.record("/claudio should be a prompt")
            return
        }
        #expect(prompt.text == "run <tests>")
        #expect(prompt.user.username == "alice")
        #expect(prompt.threadID == nil)
        #expect(prompt.sentAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(url == "https://r")
        guard case .message(_, .newConversation, "https://r") = action("/claudio-new"),
            case .message(_, .whoAmI(withStatus: true), _) = action("/claudio-status"),
            case .message(_, .help, _) = action("/claudio-help")
        else {
            Issue.record("slash commands mapped wrongly")
            return
        }
    }

    @Test("A Slack Connect user's message is marked with their workspace for the gate, not dropped")
    func slackConnectUserIsMarked() {
        let shared = SlackEvent(
            type: "app_mention", channel: "C1", user: "U0GUEST", text: "<@UBOT> hi", ts: "1.1", team: "T0OTHER",
            userTeam: "T0OTHER")
        #expect(sender(of: interpreter.action(for: callback(shared)))?.foreignTeamID == "T0OTHER")
        // Slack may name the bot's workspace in `team` and the sender's only in `user_team`.
        var mixed = shared
        mixed.team = "T0HOME"
        #expect(sender(of: interpreter.action(for: callback(mixed)))?.foreignTeamID == "T0OTHER")
        var member = shared
        member.team = "T0HOME"
        member.userTeam = nil
        #expect(sender(of: interpreter.action(for: callback(member))) == ChatUser(platform: .slack, id: "U0GUEST"))
    }

    @Test("A slash command from another workspace is marked; one from the bot's workspace is not")
    func slashCommandTeam() {
        func sender(team: String?) -> ChatUser? {
            self.sender(
                of: interpreter.action(
                    for: SlackSlashCommand(command: "/claudio", text: "x", userID: "U1", channelID: "C1", teamID: team)))
        }
        #expect(sender(team: "T0ELSEWHERE")?.foreignTeamID == "T0ELSEWHERE")
        #expect(sender(team: "T0HOME")?.foreignTeamID == nil)
    }

    @Test("Without a workspace from auth.test, every sender counts as from another workspace")
    func unknownHomeTeam() {
        let blind = SlackEventInterpreter(identity: SlackIdentity(userID: "UBOT"))
        let event = SlackEvent(type: "message", channel: "D1", channelType: "im", user: "U1", text: "x", ts: "1.1")
        #expect(sender(of: blind.action(for: SlackEventCallback(eventID: "Ev1", event: event)))?.foreignTeamID == "unknown")
        #expect(sender(of: blind.action(for: callback(event)))?.foreignTeamID == "T0HOME")
    }
}
