import Foundation
import Logging
import Shared

/// What every inbound chat message goes through, whatever the platform (SPEC §4): the gate decides once
/// (`admit(_:asking:)`), then `handle(_:replier:)` answers the command or queues the prompt. Channels only read their
/// platform's updates into an `InboundMessage` and a `ChatRequest`.
struct MessageRouter: Sendable {
    let gate: Gate
    let scheduler: JobScheduler
    let sessions: any SessionStore
    let settings: Settings
    let jobIDs: JobIDGenerator
    /// The claude CLI as found at start, shown by the status commands.
    let cli: ClaudeCLIInfo
    /// How jobs are contained, shown by the status commands.
    var sandbox: SandboxStatus
    /// Where accepted prompts are kept until their job has finished (SPEC §18); nil keeps them in memory only.
    var intake: PromptIntake?
    /// Answer presses of the buttons under Claudio's messages: tool approvals, `/sessions`' Resume buttons.
    var buttons: [any ButtonPressHandler] = []
    /// Posts `/sessions` with a Resume button per conversation; nil lists them as text.
    var resumeButtons: SessionResumeButtons?
    /// Turns voice notes and files into prompts (SPEC §15); nil refuses them.
    var media: MediaStage?
    let logger = Logger(label: "claudio.router")

    /// A button pressed in a chat. Nobody is turned away here: the handler that posted it knows whose it is. A token
    /// nobody knows (forged, or its question already answered) is answered as no longer waiting.
    func press(_ press: ButtonPress) async -> ButtonPressReply {
        for handler in buttons {
            if let reply = await handler.press(press) { return reply }
        }
        return ButtonPressReply(text: ApprovalTexts.noLongerWaiting, isRefusal: true)
    }

    /// The gate's one decision about `message`. A denied sender is recorded here (except for `.notText`, which
    /// strangers may send without leaving a trace).
    func admit(_ message: InboundMessage, asking request: ChatRequest) async -> Admission {
        Admission(message: message, request: request, access: await gate.judge(message, asking: request))
    }

    /// Carries out an admitted message: a denial reply, a command's answer, or a prompt through offline age, rate
    /// limit and validation into the intake and the queue. `replier` answers the sender; a queued job answers through
    /// it too.
    /// - Parameters:
    ///   - downloader: how the channel fetches a message's voice notes and files (SPEC §15).
    ///   - whenDurable: called once an accepted prompt is stored in the intake, before its job is queued and before
    ///     any reply: from then on the message survives a crash, so a channel may confirm it to the platform without
    ///     waiting for the sends that follow.
    func handle(
        _ admission: Admission, replier: any ChatReplier, downloader: (any AttachmentDownloader)? = nil,
        whenDurable: @Sendable () -> Void = {}
    ) async {
        let message = admission.message
        guard case .allowed = admission.access else {
            // Strangers' replies (the denial, their ID) are best effort: they never hold up anyone's handling.
            if case .denied(let reply?) = admission.access {
                logger.notice("denied \(message.user.platform):\(message.user.id) (@\(message.user.username ?? "-"))")
                replier.sendBestEffort(reply, to: message.address)
            }
            return
        }
        switch admission.request {
        case .prompt:
            // Wall time on purpose: `sentAt` is the platform's record of when the user sent it.
            let waited = Date().timeIntervalSince(message.sentAt)
            if waited > settings.offlineMessageMaxAge {
                await replier.send(
                    ChatTexts.offline(waited: waited, limit: settings.offlineMessageMaxAge), to: message.address)
            } else if message.attachments.isEmpty {
                await queuePrompt(message, replier: replier, whenDurable: whenDurable)
            } else {
                await queueMediaPrompt(message, replier: replier, downloader: downloader, whenDurable: whenDurable)
            }
        case .newConversation:
            // A job of this user still running here must not store its session after this: `/new` always wins.
            let running = await scheduler.runningJob(in: message.address.chatKey)
            if let running, running.sessionKey == message.sessionKey { running.control.forgetSession() }
            await sessions.forget(message.sessionKey)
            await replier.send(ChatTexts.newConversation, to: message.address)
        case .cancel:
            let chat = message.address.chatKey
            if await scheduler.cancel(chat: chat, userID: message.user.id) == nil {
                await replier.send(ChatTexts.nothingToCancel, to: message.address)
            }
        case .help:
            await replier.send(ChatTexts.help(platform: message.user.platform), to: message.address)
        case .status:
            await replier.send(await statusText(for: message), to: message.address)
        case .conversations:
            let list = await sessions.conversations(of: message.sessionKey, limit: SessionTexts.listed)
            let current = await sessions.sessionID(for: message.sessionKey)
            if let resumeButtons, !list.isEmpty {
                await resumeButtons.offer(list, current: current, to: message, replier: replier)
            } else {
                await replier.send(SessionTexts.conversations(list, current: current), to: message.address)
            }
        case .unknownCommand(let name):
            await replier.send(ChatTexts.unknownCommand(name), to: message.address)
        case .notText:
            await replier.send(ChatTexts.textOnly, to: message.address)
        case .whoAmI(let withStatus):
            var answer = StatusTexts.myID(message.user, authorized: true)
            if withStatus { answer += "\n\n" + (await statusText(for: message)) }
            await replier.send(answer, to: message.address)
        }
    }

    /// Both steps at once, for channels that need nothing durable in between.
    func route(
        _ message: InboundMessage, asking request: ChatRequest, replier: any ChatReplier,
        downloader: (any AttachmentDownloader)? = nil
    ) async {
        await handle(await admit(message, asking: request), replier: replier, downloader: downloader)
    }

    // MARK: - Prompts

    private func queuePrompt(
        _ message: InboundMessage, replier: any ChatReplier, whenDurable: @Sendable () -> Void
    ) async {
        switch await gate.admitPrompt(message) {
        case .overBudget(let reply), .rateLimited(let reply), .invalid(let reply):
            await replier.send(reply, to: message.address)
        case .accepted(let prompt):
            await enqueue(
                prompt, jobID: jobIDs.next(), from: message, preparedInIntake: false, replier: replier,
                whenDurable: whenDurable)
        }
    }

    /// Stores the accepted `prompt` of `message` in the intake (or turns its `preparing` row into it) and queues its
    /// job. The prompt is stored before the scheduler sees it: once it can start, a crash must find it.
    func enqueue(
        _ prompt: String, jobID: String, from message: InboundMessage, preparedInIntake: Bool,
        replier: any ChatReplier, whenDurable: @Sendable () -> Void
    ) async {
        var job = Job(
            id: jobID, user: message.user, address: message.address, prompt: prompt, queuedAt: Date(),
            replier: replier.replierForJobs)
        job.promptMessageID = message.messageID
        if let intake {
            let stored =
                preparedInIntake
                ? await intake.keepPrepared(jobID: job.id, prompt: prompt, queuedAt: job.queuedAt)
                : await intake.keep(StoredPrompt(job: job, message: message))
            guard stored else {
                if let reply = SubmitResult.shuttingDown.reply { await replier.send(reply, to: message.address) }
                return
            }
        }
        whenDurable()
        let result = await scheduler.submit(job)
        logger.info("job \(job.id) from \(message.user.platform):\(message.user.id): \(result)")
        if !result.isAccepted { await intake?.release(jobID: job.id) }
        if let reply = result.reply {
            await replier.send(reply, to: message.address)
        }
    }

    private func statusText(for message: InboundMessage) async -> String {
        let session = await sessions.sessionID(for: message.sessionKey)
        let running = await scheduler.runningJobCount
        return StatusTexts.status(
            user: message.user, authorized: true, cli: cli, settings: settings, sandbox: sandbox, session: session,
            runningJobs: running, costToday: await gate.costToday(of: message.user.key))
    }
}
