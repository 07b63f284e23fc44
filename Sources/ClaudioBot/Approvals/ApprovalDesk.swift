import Foundation
import Logging
import Shared

/// Where Claude's tool requests wait for an answer (SPEC §13): each is posted to the job's chat with buttons, answered
/// by the user who sent the prompt (`press`) or by the operator (`decide`), denied after `APPROVAL_TIMEOUT`, and ended
/// when the job ends (the asking task is cancelled). Every outcome is recorded in the `ApprovalLog` and shown in place
/// of the question's buttons.
actor ApprovalDesk: ButtonPressHandler {
    /// What `decide` did.
    enum OperatorResult: Sendable, Equatable {
        case decided
        case unknown
        case notPending
    }

    private let log: any ApprovalLog
    private let timeout: Duration
    private let timeoutSeconds: Int
    private let clock: AnyClock
    /// Called with every decision (metrics).
    private let onDecision: @Sendable (ApprovalDecisionKind) -> Void
    private var pending: [String: PendingApproval] = [:]
    /// Button token → the request it belongs to.
    private var buttonOwners: [String: String] = [:]
    /// Job → tools allowed "for this job", with who allowed them.
    private var allowedForJob: [String: [String: ChatUser]] = [:]
    private let logger = Logger(label: "claudio.approvals")

    init(
        log: any ApprovalLog, timeoutSeconds: Double, clock: AnyClock = .continuous,
        onDecision: @escaping @Sendable (ApprovalDecisionKind) -> Void = { _ in }
    ) {
        self.log = log
        self.timeout = .milliseconds(Int64((timeoutSeconds * 1000).rounded()))
        self.timeoutSeconds = Int(timeoutSeconds.rounded())
        self.clock = clock
        self.onDecision = onDecision
    }

    // MARK: - Asking

    /// Asks the job's user whether claude may use a tool, and waits for the answer, the timeout or the job's end
    /// (cancellation of the calling task).
    func ask(_ request: ToolPermissionRequest, for job: Job) async -> PermissionDecision {
        let summary = ToolRequestSummary(request)
        if let user = allowedForJob[job.id]?[request.toolName] {
            let now = Date()
            let info = makeInfo(job, tool: request.toolName, summary: summary.line, askedAt: now)
            await record(info, .allowJob, decidedBy: user.id, via: .job, at: now)
            job.control.activity.noteAllowedForJob(tool: request.toolName, summary: summary.line, by: user)
            return .allow(updatedInput: request.input)
        }
        let subject: PendingApproval.Subject
        let markdown: String
        if request.toolName == UserChoiceQuestions.toolName, let questions = UserChoiceQuestions(request.input) {
            subject = .choices(questions)
            markdown = ApprovalTexts.choiceQuestion(questions)
        } else {
            subject = .tool(request)
            markdown = ApprovalTexts.toolRequest(tool: request.toolName, summary: summary.markdown)
        }
        var entry = PendingApproval(
            info: makeInfo(job, tool: request.toolName, summary: summary.line, askedAt: Date()), requester: job.user,
            address: job.address, replier: job.replier, control: job.control, subject: subject, markdown: markdown)
        entry.replyTo = job.promptMessageID
        let id = entry.id
        job.control.activity.noteAsked(tool: request.toolName, summary: summary.line)
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                open(entry, continuation: continuation)
            }
        } onCancel: {
            Task { await self.settle(id, .ended) }
        }
        let (decidedBy, via) = outcome.decider
        await record(entry.info, outcome.kind, decidedBy: decidedBy, via: via, at: Date())
        job.control.activity.noteSettled(outcome, tool: request.toolName, timeoutSeconds: timeoutSeconds)
        return outcome.decision(timeoutSeconds: timeoutSeconds)
    }

    private func makeInfo(_ job: Job, tool: String, summary: String, askedAt: Date) -> ApprovalInfo {
        ApprovalInfo(
            id: ApprovalToken.random(), jobID: job.id, platform: job.address.platform, chatID: job.address.chatID,
            userID: job.user.id, username: job.user.username, tool: tool, summary: summary, askedAt: askedAt,
            expiresAt: askedAt.addingTimeInterval(Double(timeoutSeconds)))
    }

    private func open(_ entry: PendingApproval, continuation: CheckedContinuation<ApprovalOutcome, Never>) {
        var entry = entry
        let id = entry.id
        entry.continuation = continuation
        let actions: [PendingApproval.ButtonAction] = switch entry.subject {
        case .tool: [.allow, .allowForJob, .deny]
        case .choices(let questions):
            questions.questions.enumerated().flatMap { index, question in
                question.options.indices.map { PendingApproval.ButtonAction.option(question: index, option: $0) }
                    + (question.allowsSeveral ? [.done(question: index)] : [])
            }
        }
        for action in actions {
            let token = ApprovalToken.random()
            entry.buttons[token] = action
            buttonOwners[token] = id
        }
        let (clock, timeout) = (clock, timeout)
        entry.timer = Task {
            guard (try? await clock.sleep(for: timeout)) != nil else { return }
            await self.settle(id, .timedOut)
        }
        entry.control.noteWaitingQuestions(1)
        let (replier, question, address) = (entry.replier, entry.question, entry.address)
        pending[id] = entry
        logger.info("job \(entry.info.jobID) asks to use \(entry.tool); request \(id) waits for an answer")
        Task {
            let message = await replier.ask(question, to: address)
            await self.posted(id, message: message)
        }
    }

    private func posted(_ id: String, message: PostedMessage?) {
        guard var entry = pending[id] else { return }
        entry.posting = false
        entry.message = message
        if entry.outcome != nil {
            pending[id] = nil
            showVerdict(of: entry)
        } else {
            pending[id] = entry
        }
    }

    /// Ends request `id` with `outcome` unless it already ended. Returns whether it did.
    @discardableResult
    private func settle(_ id: String, _ outcome: ApprovalOutcome) -> Bool {
        guard var entry = pending[id], entry.outcome == nil else { return false }
        entry.outcome = outcome
        entry.timer?.cancel()
        entry.continuation?.resume(returning: outcome)
        entry.continuation = nil
        entry.control.noteWaitingQuestions(-1)
        for token in entry.buttons.keys { buttonOwners[token] = nil }
        if case .allowed(.requester(let user), _, true) = outcome {
            allowedForJob[entry.info.jobID, default: [:]][entry.tool] = user
        }
        if entry.posting {
            pending[id] = entry
        } else {
            pending[id] = nil
            showVerdict(of: entry)
        }
        return true
    }

    private func showVerdict(of entry: PendingApproval) {
        guard let message = entry.message, let outcome = entry.outcome else { return }
        let verdict = ApprovalTexts.verdict(outcome, tool: entry.tool, timeoutSeconds: timeoutSeconds)
        let settled = ChatQuestion(markdown: entry.markdown + "\n\n" + verdict)
        let replier = entry.replier
        Task { await replier.editQuestion(message, to: settled) }
    }

    private func record(
        _ info: ApprovalInfo, _ decision: ApprovalDecisionKind, decidedBy: String, via: ApprovalVia, at date: Date
    ) async {
        logger.info("request \(info.id) (\(info.tool), job \(info.jobID)): \(decision.rawValue) by \(decidedBy) via \(via.rawValue)")
        onDecision(decision)
        await log.record(
            ApprovalDecisionRecord(
                id: info.id, jobID: info.jobID, platform: info.platform, userID: info.userID, username: info.username,
                tool: info.tool, summary: info.summary, decision: decision, decidedBy: decidedBy, via: via,
                askedAt: info.askedAt, decidedAt: date))
    }

    // MARK: - Answering

    /// A button pressed in the chat: only the requester's presses count. Nil for a token of no waiting request (a
    /// forged one, or one whose request was answered).
    func press(_ press: ButtonPress) async -> ButtonPressReply? {
        guard let id = buttonOwners[press.token], var entry = pending[id], entry.outcome == nil,
            let action = entry.buttons[press.token]
        else {
            return nil
        }
        guard press.user.platform == entry.requester.platform, press.user.id == entry.requester.id else {
            return ButtonPressReply(text: ApprovalTexts.onlyRequester(entry.requester), isRefusal: true)
        }
        let answerer = ApprovalAnswerer.requester(press.user)
        switch (action, entry.subject) {
        case (.allow, _):
            settle(id, .allowed(by: answerer, updatedInput: entry.input, forJob: false))
            return ButtonPressReply(text: "✅ Allowed")
        case (.allowForJob, _):
            settle(id, .allowed(by: answerer, updatedInput: entry.input, forJob: true))
            return ButtonPressReply(text: "✅ \(entry.tool) allowed for this job")
        case (.deny, _):
            settle(id, .denied(by: answerer))
            return ButtonPressReply(text: "❌ Denied")
        case (.option(let question, let option), .choices(let questions)):
            let label = questions.questions[question].options[option].label
            if questions.questions[question].allowsSeveral {
                var selected = entry.chosen[question] ?? []
                if let index = selected.firstIndex(of: option) { selected.remove(at: index) } else { selected.append(option) }
                entry.chosen[question] = selected
            } else {
                entry.chosen[question] = [option]
                entry.complete.insert(question)
            }
            pending[id] = entry
            finishIfAnswered(id, questions: questions, by: answerer)
            return ButtonPressReply(text: label)
        case (.done(let question), .choices(let questions)):
            guard !(entry.chosen[question] ?? []).isEmpty else {
                return ButtonPressReply(text: ApprovalTexts.chooseAtLeastOne, isRefusal: true)
            }
            entry.complete.insert(question)
            pending[id] = entry
            finishIfAnswered(id, questions: questions, by: answerer)
            return ButtonPressReply(text: "✅ " + entry.answer(to: question, in: questions))
        case (.option, .tool), (.done, .tool):
            return ButtonPressReply(text: ApprovalTexts.noLongerWaiting, isRefusal: true)
        }
    }

    /// Settles a question once every part of it is answered; until then shows what was chosen.
    private func finishIfAnswered(_ id: String, questions: UserChoiceQuestions, by answerer: ApprovalAnswerer) {
        guard let entry = pending[id] else { return }
        guard entry.complete.count == questions.questions.count else {
            if let message = entry.message {
                let (replier, question) = (entry.replier, entry.question)
                Task { await replier.editQuestion(message, to: question) }
            }
            return
        }
        var answers: [String: String] = [:]
        var choices: [String] = []
        for index in questions.questions.indices {
            let answer = entry.answer(to: index, in: questions)
            answers[questions.questions[index].text] = answer
            choices.append(answer)
        }
        settle(
            id, .answered(by: answerer, updatedInput: questions.updatedInput(answers: answers), choices: choices))
    }

    /// The operator's answer (console, CLI, API).
    func decide(id: String, _ answer: OperatorDecision.Answer, via: ApprovalVia) async -> OperatorResult {
        guard let entry = pending[id], entry.outcome == nil else {
            if pending[id] != nil { return .notPending }
            return await log.decision(id: id) == nil ? .unknown : .notPending
        }
        let answerer = ApprovalAnswerer.operator(via: via)
        switch answer {
        case .allow: settle(id, .allowed(by: answerer, updatedInput: entry.input, forJob: false))
        case .deny: settle(id, .denied(by: answerer))
        }
        return .decided
    }

    // MARK: - Listing

    /// Requests waiting for an answer, oldest first.
    func waiting() -> [ApprovalInfo] {
        pending.values.filter { $0.outcome == nil }.map(\.info).sorted { ($0.askedAt, $0.id) < ($1.askedAt, $1.id) }
    }

    func history(limit: Int) async -> [ApprovalDecisionRecord] {
        await log.decisions(limit: limit)
    }

    /// Forgets what "for this job" allowed once the job is over.
    func jobEnded(_ jobID: String) {
        allowedForJob[jobID] = nil
    }
}
