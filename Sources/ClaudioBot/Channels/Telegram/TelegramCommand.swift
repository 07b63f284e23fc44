/// A bot command at the start of a message (`/new`, `/status@claudio_bot extra words`).
enum TelegramCommand: Sendable, Equatable {
    case start, help, new, status, myID, cancel, sessions
    /// A well-formed command Claudio does not offer, by its lowercased name.
    case unknown(String)

    /// What a message's text is, as far as commands go.
    enum Parsed: Sendable, Equatable {
        case command(TelegramCommand)
        /// `/cmd@otherbot`: in a group, meant for another bot; Claudio stays silent.
        case addressedToAnotherBot
        /// Anything else, including text that merely starts with a slash, like `/etc/hosts`: a prompt.
        case notACommand
    }

    /// Reads the command at the start of `text`: a slash, 1–32 letters, digits or underscores, optionally
    /// `@botname`, then the end of the text or whitespace (Telegram's own rule for `bot_command` entities).
    /// - Parameter botUsername: this bot's username from `getMe`, without the `@`.
    static func parse(_ text: String, botUsername: String?) -> Parsed {
        guard text.hasPrefix("/") else { return .notACommand }
        let token = text.dropFirst().prefix { !$0.isWhitespace }
        let parts = token.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0]
        guard (1...32).contains(name.count), name.allSatisfy(isCommandCharacter) else { return .notACommand }
        if parts.count == 2 {
            let addressee = parts[1]
            guard !addressee.isEmpty, addressee.allSatisfy(isCommandCharacter) else { return .notACommand }
            guard let botUsername, addressee.lowercased() == botUsername.lowercased() else {
                return .addressedToAnotherBot
            }
        }
        return .command(command(named: name.lowercased()))
    }

    private static func command(named name: String) -> TelegramCommand {
        switch name {
        case "start": .start
        case "help": .help
        case "new": .new
        case "status": .status
        case "myid": .myID
        case "cancel": .cancel
        case "sessions": .sessions
        default: .unknown(name)
        }
    }

    private static func isCommandCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
}

extension TelegramCommand {
    /// What the command asks of the router.
    var request: ChatRequest {
        switch self {
        case .start, .help: .help
        case .new: .newConversation
        case .status: .status
        case .cancel: .cancel
        case .sessions: .conversations
        case .myID: .whoAmI(withStatus: false)
        case .unknown(let name): .unknownCommand(name)
        }
    }
}
