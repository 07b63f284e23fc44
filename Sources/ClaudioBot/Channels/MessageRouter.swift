import Foundation
import Logging
import Shared

/// What every inbound chat message goes through, whatever the platform (SPEC §4): the gate, the commands, the
/// scheduler. Channels parse their platform's updates into `InboundMessage`s and call one method per command.
struct MessageRouter: Sendable {
    let gate: Gate
    let scheduler: JobScheduler
    let sessions: any SessionStore
    let settings: Settings
    let jobIDs: JobIDGenerator
    /// The claude CLI as found at start, shown by the status commands.
    let cli: ClaudeCLIInfo
    var now: @Sendable () -> Date = { Date() }
    let logger = Logger(label: "claudio.router")

    /// A text prompt: authorization, offline age, rate limit, validation, then the queue.
    func handlePrompt(_ message: InboundMessage, replier: any ChatReplier) async {
        guard await admit(message, replier: replier) else { return }
        let waited = now().timeIntervalSince(message.sentAt)
        if waited > settings.offlineMessageMaxAge {
            await replier.send(
                ChatTexts.offline(waited: waited, limit: settings.offlineMessageMaxAge), to: message.address)
            return
        }
        switch await gate.admitPrompt(message) {
        case .rateLimited(let reply), .invalid(let reply):
            await replier.send(reply, to: message.address)
        case .accepted(let prompt):
            let job = Job(
                id: jobIDs.next(), user: message.user, address: message.address, prompt: prompt, queuedAt: now())
            let result = await scheduler.submit(job)
            logger.info("job \(job.id) from \(message.user.platform):\(message.user.id): \(result)")
            if let reply = result.reply {
                await replier.send(reply, to: message.address)
            }
        }
    }

    /// `/new`: forget this chat's claude session for the caller.
    func newConversation(_ message: InboundMessage, replier: any ChatReplier) async {
        guard await admit(message, replier: replier) else { return }
        await sessions.forget(message.sessionKey)
        await replier.send(ChatTexts.newConversation, to: message.address)
    }

    /// `/cancel`: stop the caller's job in this chat.
    func cancel(_ message: InboundMessage, replier: any ChatReplier) async {
        guard await admit(message, replier: replier) else { return }
        let chat = ChatKey(platform: message.user.platform, chatID: message.chatID)
        if await scheduler.cancel(chat: chat, userID: message.user.id) == nil {
            await replier.send(ChatTexts.nothingToCancel, to: message.address)
        }
    }

    /// `/start`, `/help`.
    func help(_ message: InboundMessage, replier: any ChatReplier) async {
        guard await admit(message, replier: replier) else { return }
        await replier.send(ChatTexts.help(platform: message.user.platform), to: message.address)
    }

    /// `/status`: the CLI, the workspace, the caller's session and limits, the caller's ID.
    func status(_ message: InboundMessage, replier: any ChatReplier) async {
        guard await admit(message, replier: replier) else { return }
        await replier.send(await statusText(for: message, authorized: true), to: message.address)
    }

    /// `/myid` (and Slack's `/claudio-status` for anyone): answered for everyone; an unauthorized caller is recorded.
    func whoAmI(_ message: InboundMessage) async -> String {
        let authorized = await gate.recordMyIDRequest(message)
        return StatusTexts.myID(message.user, authorized: authorized)
    }

    func statusText(for message: InboundMessage, authorized: Bool) async -> String {
        let session = await sessions.sessionID(for: message.sessionKey)
        let running = await scheduler.runningJobCount
        return StatusTexts.status(
            user: message.user, authorized: authorized, cli: cli, settings: settings, session: session,
            runningJobs: running)
    }

    /// Whether the sender may use the bot; an unauthorized sender gets the (throttled) denial reply.
    func admit(_ message: InboundMessage, replier: any ChatReplier) async -> Bool {
        switch await gate.checkAccess(message) {
        case .allowed:
            return true
        case .denied(let reply):
            logger.notice("denied \(message.user.platform):\(message.user.id) (@\(message.user.username ?? "-"))")
            if let reply { await replier.send(reply, to: message.address) }
            return false
        }
    }
}

extension InboundMessage {
    var address: ChatAddress { ChatAddress(platform: user.platform, chatID: chatID, threadID: threadID) }
    var sessionKey: SessionKey { SessionKey(platform: user.platform, chatID: chatID, userID: user.id) }
}
