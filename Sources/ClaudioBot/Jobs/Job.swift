import Foundation
import Shared

/// One accepted prompt, from the moment it is queued until its answer is delivered.
struct Job: Sendable, Identifiable {
    let id: String
    let user: ChatUser
    let address: ChatAddress
    let prompt: String
    let queuedAt: Date
    let control: JobControl

    var sessionKey: SessionKey {
        SessionKey(platform: address.platform, chatID: address.chatID, userID: user.id)
    }

    init(id: String, user: ChatUser, address: ChatAddress, prompt: String, queuedAt: Date) {
        self.id = id
        self.user = user
        self.address = address
        self.prompt = prompt
        self.queuedAt = queuedAt
        self.control = JobControl()
    }
}
