/// An entry of the bot's command menu (`BotCommand`), registered with `setMyCommands` at start.
struct TelegramBotCommand: Sendable, Equatable {
    /// Without the slash: 1–32 lowercase letters, digits and underscores.
    var command: String
    var description: String

    /// The commands Claudio answers (SPEC §4.2), in menu order.
    static let menu: [TelegramBotCommand] = [
        TelegramBotCommand(command: "start", description: "What this bot does"),
        TelegramBotCommand(command: "help", description: "How to use this bot"),
        TelegramBotCommand(command: "new", description: "Start a new conversation"),
        TelegramBotCommand(command: "status", description: "CLI, workspace, your session, limits and cost today"),
        TelegramBotCommand(command: "sessions", description: "Your last conversations in this chat"),
        TelegramBotCommand(command: "myid", description: "Your Telegram user ID"),
        TelegramBotCommand(command: "cancel", description: "Stop your running prompt"),
    ]

    var jsonValue: TelegramJSONValue {
        .object(["command": .string(command), "description": .string(description)])
    }
}
