import Shared

/// What tool requests look like in the chat (SPEC §13). Users and tests rely on these texts.
enum ApprovalTexts {
    static func toolRequest(tool: String, summary: String) -> String {
        "🔐 Claude wants to use **\(tool)**\n\n\(summary)"
    }

    static func choiceQuestion(_ questions: UserChoiceQuestions) -> String {
        let parts = questions.questions.map { question in
            let options = question.options.map { option in
                "• " + option.label + (option.description.map { " — " + $0 } ?? "")
            }
            let several = question.allowsSeveral ? "\n_Choose one or more, then Done._" : ""
            return "**\(question.text)**\n" + options.joined(separator: "\n") + several
        }
        return "❓ Claude asks:\n\n" + parts.joined(separator: "\n\n")
    }

    static let allow = "Allow"
    static func allowForJob(tool: String) -> String { "Allow \(tool) for this job" }
    static let deny = "Deny"
    static let done = "Done"

    /// The line that replaces the buttons once a request is settled.
    static func verdict(_ outcome: ApprovalOutcome, tool: String, timeoutSeconds: Int) -> String {
        switch outcome {
        case .allowed(let answerer, _, false): "✅ Allowed by \(answerer.name)"
        case .allowed(let answerer, _, true): "✅ \(tool) allowed for this job by \(answerer.name)"
        case .answered(let answerer, _, let choices):
            "✅ Answered by \(answerer.name): " + choices.joined(separator: "; ")
        case .denied(let answerer): "❌ Denied by \(answerer.name)"
        case .timedOut: "⌛ No answer in \(timeoutSeconds) s — denied"
        case .ended: "— job ended"
        }
    }

    static func onlyRequester(_ user: ChatUser) -> String { "Only \(name(of: user)) can answer this" }
    static let noLongerWaiting = "This request is no longer waiting"
    static let chooseAtLeastOne = "Choose at least one option first"

    /// "@alice", else the display name, else "user 42".
    static func name(of user: ChatUser) -> String {
        if let username = user.username, !username.isEmpty { return "@" + username }
        if let display = user.displayName, !display.isEmpty { return display }
        return "user \(user.id)"
    }
}
