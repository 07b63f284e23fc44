import Foundation
import Logging
import Shared

/// Runs a job with claude and talks to its chat: "⏳ Working…" edited with progress at most every 2 s, "typing"
/// while it runs, then the answer (or why there is none). Resumes the chat's session and, when the CLI cannot
/// resume it, retries once in a new conversation and says so.
///
/// The new session is stored before the answer is delivered, and not at all once `/new` came for it while the job
/// ran (`JobControl.forgetSession`): whatever the user sends after seeing the answer, `/new` always wins.
struct ClaudeJobExecutor: JobExecutor {
    /// What a finished job leaves for the history.
    struct Summary: Sendable {
        var job: Job
        var outcome: JobOutcomeKind
        var exitCode: Int32?
        var costUSD: Double?
        /// The tools claude called, each once, in the order of their first call.
        var toolsUsed: [String] = []
        /// The claude session the job ran in; nil when claude never started one.
        var sessionID: String?
        var endedAt: Date
    }

    let runner: ClaudeRunner
    let sessions: any SessionStore
    /// Paces progress edits and "typing".
    var clock: AnyClock = .continuous
    var progressInterval: Duration = .seconds(2)
    var typingInterval: Duration = .seconds(4)
    /// Called before claude starts, and awaited: the intake marks the prompt running, so a crash never runs it twice.
    /// When it answers false (that could not be stored) the job does not start.
    var onStarting: (@Sendable (Job) async -> Bool)?
    /// Called after the answer was delivered: the history row is recorded and the prompt leaves the intake.
    var onFinished: (@Sendable (Summary) async -> Void)?
    /// Where claude's tool requests are asked; without one they are denied (Claudio's own tools are always allowed).
    var approvals: ApprovalDesk?
    /// Called for a queued job that will never run, before its chat is told: its prompt leaves the intake and the
    /// history records why it ended.
    var onDiscarded: (@Sendable (Job, KillReason) async -> Void)?
    let logger = Logger(label: "claudio.jobs")

    func execute(_ job: Job) async -> JobOutcomeKind {
        let replier = job.replier
        // The placeholder is posted while claude starts: waiting for the chat platform's answer first would delay
        // every job by a network round trip.
        let placeholderPost = Task { await replier.send(JobMessages.placeholder(for: job.address.platform), to: job.address) }
        let throttle = ProgressThrottle(interval: progressInterval, clock: clock) { activity in
            if let placeholder = await placeholderPost.value {
                await replier.edit(placeholder, text: JobMessages.progress(activity, platform: job.address.platform))
            }
        }
        let (interval, clock) = (typingInterval, clock)
        let typing = Task {
            while !Task.isCancelled {
                await replier.showWorking(in: job.address)
                try? await clock.sleep(for: interval)
            }
        }
        defer { typing.cancel() }

        let (outcome, report) = await run(job, throttle: throttle)
        await throttle.stop()
        typing.cancel()
        await deliver(outcome, report: report, job: job, replier: replier, placeholder: await placeholderPost.value)
        let transcript = report?.transcript
        await onFinished?(
            Summary(
                job: job, outcome: outcome.kind, exitCode: report?.exit.code, costUSD: transcript?.result?.totalCostUSD,
                toolsUsed: transcript?.toolsUsed ?? [],
                sessionID: transcript?.sessionStart != nil ? transcript?.sessionID : nil, endedAt: Date()))
        logger.info("job \(job.id) finished: \(outcome.kind.rawValue)")
        return outcome.kind
    }

    func discard(_ job: Job, reason: KillReason) async {
        await onDiscarded?(job, reason)
        await job.replier.send(reason.userMessage(timeoutSeconds: runner.settings.commandTimeout), to: job.address)
    }

    // MARK: - Running

    private enum Outcome {
        case answered(notice: String?)
        case failed
        case killed(KillReason)
        case couldNotStart(any Error)
        case startNotRecorded

        var kind: JobOutcomeKind {
            switch self {
            case .answered: .ok
            case .failed, .couldNotStart, .startNotRecorded: .error
            case .killed(let reason): reason.outcome
            }
        }
    }

    private func run(_ job: Job, throttle: ProgressThrottle<AnyClock>) async -> (Outcome, ClaudeRunReport?) {
        if let reason = job.control.killReason { return (.killed(reason), nil) }
        if let onStarting, !(await onStarting(job)) { return (.startNotRecorded, nil) }
        let key = job.sessionKey
        let resume = await sessions.sessionID(for: key)
        let onProgress: @Sendable (String) async -> Void = { await throttle.submit($0) }
        let questions = JobQuestions(job: job, desk: approvals, tools: .serving(job, settings: runner.settings))
        defer {
            if let approvals { Task { await approvals.jobEnded(job.id) } }
        }
        do {
            var report = try await runner.run(
                prompt: job.prompt, resumeSessionID: resume, tag: job.id, control: job.control, questions: questions,
                onProgress: onProgress)
            var notice: String?
            if resume != nil, report.resumeFailed {
                logger.notice("job \(job.id): session \(resume ?? "") could not be resumed; starting a new conversation")
                await sessions.forget(key)
                notice = JobMessages.newConversation
                report = try await runner.run(
                    prompt: job.prompt, resumeSessionID: nil, tag: job.id + "-fresh", control: job.control,
                    questions: questions, onProgress: onProgress)
            }
            if report.transcript.sessionStart != nil, let sessionID = report.transcript.sessionID {
                let control = job.control
                await sessions.save(sessionID: sessionID, for: key) { control.sessionForgotten }
            }
            if let reason = report.killReason { return (.killed(reason), report) }
            let succeeded = report.exit.code == 0 && report.transcript.result?.isError != true
            return (succeeded ? .answered(notice: notice) : .failed, report)
        } catch {
            logger.error("job \(job.id): \(error)")
            return (.couldNotStart(error), nil)
        }
    }

    private func deliver(
        _ outcome: Outcome, report: ClaudeRunReport?, job: Job, replier: any ChatReplier, placeholder: PostedMessage?
    ) async {
        let text: String
        switch outcome {
        case .answered(let notice):
            let answer = report?.transcript.answer ?? JobMessages.noAnswer
            let full = [notice, answer].compactMap { $0 }.joined(separator: "\n\n")
            await replier.deliverAnswer(
                full, to: job.address, replacing: placeholder, documentName: LongAnswer.documentName(jobID: job.id))
            return
        case .killed(let reason):
            text = reason.userMessage(timeoutSeconds: runner.settings.commandTimeout)
        case .failed:
            text = report.map(JobMessages.failure(report:)) ?? JobMessages.noAnswer
        case .couldNotStart(let error):
            text = JobMessages.couldNotStart(error)
        case .startNotRecorded:
            text = JobMessages.startNotRecorded
        }
        if let placeholder {
            await replier.edit(placeholder, text: text)
        } else {
            await replier.send(text, to: job.address)
        }
    }
}
