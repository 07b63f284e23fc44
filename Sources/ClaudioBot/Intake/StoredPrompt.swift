import Foundation
import Shared

/// An accepted prompt as the intake keeps it (SPEC §18), from acceptance until its job has finished: enough to rebuild
/// the message, where its answers go (chat and Slack thread) and its job after a restart. The replier is not stored:
/// the channel of `address.platform` hands its own when it resumes stored prompts.
struct StoredPrompt: Sendable, Equatable {
    enum State: String, Sendable {
        /// A Slack voice note or file being downloaded and transcribed (SPEC §15): `prompt` names what it is. Slack
        /// cannot offer it again, so after a crash its sender is told to send it again.
        case preparing
        /// Accepted, waiting for its chat or a slot.
        case queued
        /// Its job started: claude may have done part of the work.
        case running
        /// Its job ended; the row only remembers its Telegram update until the stored offset passes it.
        case finished
    }

    var jobID: String
    var state: State
    var user: ChatUser
    /// The chat, and on Slack the thread, the job answers in.
    var address: ChatAddress
    var messageID: String?
    /// Telegram's `update_id` of the message, so a redelivered update is recognized; nil on Slack.
    var updateID: Int64?
    /// The prompt as the gate accepted it.
    var prompt: String
    /// When the user sent it (for `OFFLINE_MESSAGE_MAX_AGE`).
    var sentAt: Date
    var queuedAt: Date
    var startedAt: Date?

    /// The row of `job`, accepted from `message`.
    init(job: Job, message: InboundMessage) {
        self.init(
            jobID: job.id, state: .queued, user: job.user, address: job.address, messageID: message.messageID,
            updateID: message.updateID, prompt: job.prompt, sentAt: message.sentAt, queuedAt: job.queuedAt)
    }

    init(
        jobID: String, state: State, user: ChatUser, address: ChatAddress, messageID: String?, updateID: Int64?,
        prompt: String, sentAt: Date, queuedAt: Date, startedAt: Date? = nil
    ) {
        self.jobID = jobID
        self.state = state
        self.user = user
        self.address = address
        self.messageID = messageID
        self.updateID = updateID
        self.prompt = prompt
        self.sentAt = sentAt
        self.queuedAt = queuedAt
        self.startedAt = startedAt
    }

    /// The row of `message`, whose voice note or files (`what`, e.g. "voice note") are about to be prepared as the
    /// prompt of job `jobID`.
    init(preparing message: InboundMessage, what: String, jobID: String, at date: Date) {
        self.init(
            jobID: jobID, state: .preparing, user: message.user, address: message.address,
            messageID: message.messageID, updateID: message.updateID, prompt: what, sentAt: message.sentAt,
            queuedAt: date)
    }

    /// The message the prompt came in, as its channel read it.
    var message: InboundMessage {
        var message = InboundMessage(
            user: user, chatID: address.chatID, threadID: address.threadID, messageID: messageID, text: prompt,
            sentAt: sentAt)
        message.updateID = updateID
        return message
    }

    /// The job again, under its old ID, answering through `replier`.
    func job(replier: any ChatReplier) -> Job {
        var job = Job(id: jobID, user: user, address: address, prompt: prompt, queuedAt: queuedAt, replier: replier)
        job.promptMessageID = messageID
        return job
    }
}
