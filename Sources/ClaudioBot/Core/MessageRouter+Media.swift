import Foundation
import Shared

/// Voice notes and files from the chat (SPEC §15): an authorized user's message with attachments becomes a prompt
/// through the media stage, between the rate limit and validation.
extension MessageRouter {
    /// Refuses what can be refused without a download (voice notes off, too long, too large), takes one rate-limit
    /// slot, lets the media stage download and transcribe or save, validates the prompt that came of it, and queues it
    /// like any other.
    ///
    /// What a crash meanwhile does: a Telegram update is not confirmed until its prompt is stored (`whenDurable`), so
    /// Telegram offers it again and it is prepared again. Slack has had its acknowledgement already and will not send
    /// the message again, so it is first stored as `preparing`, and a restart tells its sender to send it again.
    func queueMediaPrompt(
        _ message: InboundMessage, replier: any ChatReplier, downloader: (any AttachmentDownloader)?,
        whenDurable: @Sendable () -> Void
    ) async {
        guard let media, let downloader else {
            await replier.send(MediaTexts.filesNotReceived, to: message.address)
            return
        }
        let plan = media.plan(for: message.attachments)
        if case .refuse(let reply) = plan {
            await replier.send(reply, to: message.address)
            return
        }
        switch await gate.takeRateLimitSlot(for: message.user) {
        case .rateLimited(let reply)?, .overBudget(let reply)?, .invalid(let reply)?:
            await replier.send(reply, to: message.address)
            return
        case .accepted?, nil:
            break
        }
        let jobID = jobIDs.next()
        let row = await storePreparingRow(message, plan: plan, jobID: jobID)
        if row == .notStored {
            if let reply = SubmitResult.shuttingDown.reply { await replier.send(reply, to: message.address) }
            return
        }
        let outcome = await media.prompt(
            for: plan, caption: message.text, from: message.user, downloader: downloader, replier: replier,
            at: message.address)
        let text: String
        switch outcome {
        case .cancelled:
            // Shutdown: a Telegram update comes again; a Slack message keeps its row, so its sender hears of it.
            return
        case .refused(let reply):
            if row == .stored { await intake?.release(jobID: jobID) }
            await replier.send(reply, to: message.address)
            return
        case .prompt(let prepared):
            text = prepared
        }
        switch await gate.validatePrompt(text) {
        case .accepted(let prompt):
            await enqueue(
                prompt, jobID: jobID, from: message, preparedInIntake: row == .stored, replier: replier,
                whenDurable: whenDurable)
        case .invalid(let reply), .rateLimited(let reply), .overBudget(let reply):
            if row == .stored { await intake?.release(jobID: jobID) }
            await replier.send(reply, to: message.address)
        }
    }

    private enum PreparingRow {
        /// No intake, or a message its platform offers again until it is confirmed (a Telegram update).
        case notNeeded
        case stored
        /// Shutdown came before the write succeeded.
        case notStored
    }

    /// Stores the `preparing` row of a message its platform will not offer again.
    private func storePreparingRow(_ message: InboundMessage, plan: MediaPlan, jobID: String) async -> PreparingRow {
        guard let intake, !message.isOfferedAgainUntilConfirmed else { return .notNeeded }
        let row = StoredPrompt(preparing: message, what: plan.summary, jobID: jobID, at: Date())
        return await intake.keep(row) ? .stored : .notStored
    }
}
