import Foundation
import Shared

@testable import ClaudioBot

/// Builders that keep the gate's tests reading like the messages they describe.
enum GateFixtures {
    static func telegramUser(_ id: Int64, username: String? = nil) -> ChatUser {
        ChatUser(platform: .telegram, id: String(id), username: username)
    }

    static func message(from user: ChatUser, text: String = "hello", chatID: String? = nil) -> InboundMessage {
        InboundMessage(user: user, chatID: chatID ?? user.id, text: text, sentAt: Date(timeIntervalSince1970: 1_700_000_000))
    }
}
