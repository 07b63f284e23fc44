import Testing

@testable import ClaudioBot

@Suite("Telegram command parsing")
struct TelegramCommandTests {
    private let bot = "claudio_bot"

    @Test("the six commands are recognised, with arguments and in any case")
    func knownCommands() {
        #expect(TelegramCommand.parse("/start", botUsername: bot) == .command(.start))
        #expect(TelegramCommand.parse("/help", botUsername: bot) == .command(.help))
        #expect(TelegramCommand.parse("/new please", botUsername: bot) == .command(.new))
        #expect(TelegramCommand.parse("/status", botUsername: bot) == .command(.status))
        #expect(TelegramCommand.parse("/MyID", botUsername: bot) == .command(.myID))
        #expect(TelegramCommand.parse("/cancel\nnow", botUsername: bot) == .command(.cancel))
    }

    @Test("@thisbot is stripped, case-insensitively; @otherbot means the command is not ours")
    func addressedCommands() {
        #expect(TelegramCommand.parse("/status@claudio_bot", botUsername: bot) == .command(.status))
        #expect(TelegramCommand.parse("/new@Claudio_Bot x", botUsername: bot) == .command(.new))
        #expect(TelegramCommand.parse("/status@other_bot", botUsername: bot) == .addressedToAnotherBot)
        #expect(TelegramCommand.parse("/status@someone", botUsername: nil) == .addressedToAnotherBot)
    }

    @Test("text that only starts with a slash is a prompt")
    func notCommands() {
        #expect(TelegramCommand.parse("/etc/hosts: what is in it?", botUsername: bot) == .notACommand)
        #expect(TelegramCommand.parse("/", botUsername: bot) == .notACommand)
        #expect(TelegramCommand.parse("/ new", botUsername: bot) == .notACommand)
        #expect(TelegramCommand.parse("--version", botUsername: bot) == .notACommand)
        #expect(TelegramCommand.parse(" /new", botUsername: bot) == .notACommand)
        #expect(TelegramCommand.parse("/new@", botUsername: bot) == .notACommand)
        #expect(TelegramCommand.parse("/" + String(repeating: "a", count: 33), botUsername: bot) == .notACommand)
    }

    @Test("a well-formed command Claudio does not offer is unknown")
    func unknownCommand() {
        #expect(TelegramCommand.parse("/deploy now", botUsername: bot) == .command(.unknown("deploy")))
    }

    @Test("the command menu lists exactly the commands Claudio answers")
    func menu() {
        #expect(TelegramBotCommand.menu.map(\.command) == ["start", "help", "new", "status", "sessions", "myid", "cancel"])
        for entry in TelegramBotCommand.menu {
            #expect(TelegramCommand.parse("/" + entry.command, botUsername: bot) != .command(.unknown(entry.command)))
        }
    }
}
