import Foundation
import Shared

/// A tool request between Claude's asking and its answer, as the desk keeps it.
struct PendingApproval: Sendable {
    /// What is asked.
    enum Subject: Sendable {
        /// May the tool run with this input?
        case tool(ToolPermissionRequest)
        /// Claude's `AskUserQuestion`: pick among options.
        case choices(UserChoiceQuestions)
    }

    /// What a button of this request does.
    enum ButtonAction: Sendable, Hashable {
        case allow
        case allowForJob
        case deny
        case option(question: Int, option: Int)
        /// A several-choice question's selection is complete.
        case done(question: Int)
    }

    let info: ApprovalInfo
    let requester: ChatUser
    /// The job's chat (and thread) where the question goes.
    let address: ChatAddress
    let replier: any ChatReplier
    let control: JobControl
    let subject: Subject
    let markdown: String
    /// The prompt's message, which the question replies to.
    var replyTo: String?
    /// Token → what it does.
    var buttons: [String: ButtonAction] = [:]
    var message: PostedMessage?
    /// Until the question is posted (or could not be): its verdict edit waits for the message.
    var posting = true
    var outcome: ApprovalOutcome?
    var continuation: CheckedContinuation<ApprovalOutcome, Never>?
    var timer: Task<Void, Never>?
    /// For questions: the options chosen so far, by question, and which questions are complete.
    var chosen: [Int: [Int]] = [:]
    var complete: Set<Int> = []

    var id: String { info.id }
    var tool: String { info.tool }

    /// The input claude sent, for an allow answer.
    var input: JSONValue {
        switch subject {
        case .tool(let request): request.input
        case .choices(let questions): questions.input
        }
    }

    /// The question as the chat shows it now: chosen options marked, buttons for what is still open.
    var question: ChatQuestion {
        let tokens = Dictionary(buttons.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        func button(_ label: String, _ action: ButtonAction) -> ChatButton? {
            tokens[action].map { ChatButton(label: label, token: $0) }
        }
        switch subject {
        case .tool:
            let rows = [
                [button(ApprovalTexts.allow, .allow), button(ApprovalTexts.deny, .deny)].compactMap { $0 },
                [button(ApprovalTexts.allowForJob(tool: tool), .allowForJob)].compactMap { $0 },
            ]
            return ChatQuestion(markdown: markdown, rows: rows, replyTo: replyTo)
        case .choices(let questions):
            var rows: [[ChatButton]] = []
            for (index, question) in questions.questions.enumerated() where !complete.contains(index) {
                var row = question.options.enumerated().compactMap { option, choice in
                    let mark = chosen[index]?.contains(option) == true ? "✓ " : ""
                    return button(mark + String(choice.label.prefix(60)), .option(question: index, option: option))
                }
                if question.allowsSeveral, let done = button(ApprovalTexts.done, .done(question: index)) {
                    row.append(done)
                }
                rows.append(row)
            }
            return ChatQuestion(markdown: markdown, rows: rows, replyTo: replyTo)
        }
    }

    /// The labels chosen for question `index`, joined with ", ".
    func answer(to index: Int, in questions: UserChoiceQuestions) -> String {
        let options = questions.questions[index].options
        return (chosen[index] ?? []).sorted().map { options[$0].label }.joined(separator: ", ")
    }
}
