import Foundation
import Shared

/// After a restart: the prompts an earlier run accepted but did not finish (SPEC §18).
extension MessageRouter {
    /// Picks up the prompts an earlier run accepted on `platform` and did not finish. Each channel calls it once at
    /// start, before it takes new messages (so stored prompts keep their place before new ones in their chats), with
    /// the replier of its own that jobs answer through. Returns once the jobs are queued; the notices follow.
    ///
    /// - A prompt that was **queued** runs, in the order it was accepted — unless it waited longer than
    ///   `OFFLINE_MESSAGE_MAX_AGE` since it was sent (its sender gets the offline notice, as for a message that
    ///   arrived while Claudio was down) or its sender is no longer allowed (logged).
    /// - A Slack voice note or file that was still being **prepared** (downloaded, transcribed) did not become a prompt;
    ///   Slack will not send it again, so its sender is asked to.
    /// - A prompt whose job was **running** is not run again. Claude may already have done part of the work — edited
    ///   files, run commands, sent a message elsewhere — and a second run would repeat those side effects on top of
    ///   the half-done first one; only the user can judge what is left to do. The sender is told that the prompt was
    ///   interrupted and not re-run, and the history records the job as `interrupted`.
    func resumeStoredPrompts(on platform: Platform, replier: any ChatReplier) async {
        guard let intake else { return }
        let stored = await intake.store.storedPrompts(on: platform)
        guard !stored.isEmpty else { return }
        let lists = await gate.allowLists()
        var notices: [(String, ChatAddress)] = []
        var resumed = 0
        for prompt in stored {
            let job = prompt.job(replier: replier.replierForJobs)
            // Wall time on purpose: `sentAt` is the platform's record of when the user sent it.
            let waited = Date().timeIntervalSince(prompt.sentAt)
            if prompt.state == .preparing {
                logger.notice("a \(prompt.prompt) of \(platform):\(prompt.user.id) was being received when Claudio stopped")
                await intake.release(jobID: job.id)
                notices.append((MediaTexts.interruptedByRestart(prompt.prompt), job.address))
            } else if prompt.state != .queued {
                logger.notice("job \(job.id) was running when Claudio stopped: its sender is told, it is not re-run")
                let entry = JobHistoryEntry(
                    origin: job.origin, startedAt: prompt.startedAt ?? prompt.queuedAt, endedAt: Date(),
                    outcome: .interrupted)
                await intake.store.finishPrompt(jobID: job.id, recording: JobHistoryRecord(entry))
                notices.append((JobMessages.interruptedByRestart(prompt: prompt.prompt), job.address))
            } else if !lists.isAllowed(prompt.user) {
                logger.notice("stored job \(job.id) dropped: \(platform):\(prompt.user.id) is no longer allowed")
                await intake.release(jobID: job.id)
            } else if waited > settings.offlineMessageMaxAge {
                await intake.release(jobID: job.id)
                notices.append((ChatTexts.offline(waited: waited, limit: settings.offlineMessageMaxAge), job.address))
            } else {
                let result = await scheduler.submit(job)
                logger.info("stored job \(job.id) from \(platform):\(prompt.user.id) resumed: \(result)")
                guard !result.isAccepted else {
                    resumed += 1
                    continue
                }
                await intake.release(jobID: job.id)
                if let reply = result.reply { notices.append((reply, job.address)) }
            }
        }
        logger.notice("\(platform): \(stored.count) stored prompts found, \(resumed) resumed")
        // Sent on their own, all at once: no chat's slow send may hold up the channel's start or another chat.
        Task {
            await withDiscardingTaskGroup { group in
                for (text, address) in notices {
                    group.addTask { await replier.send(text, to: address) }
                }
            }
        }
    }
}
