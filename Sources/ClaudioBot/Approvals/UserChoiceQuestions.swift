import Shared

/// The input of Claude's `AskUserQuestion` tool: one or more questions, each with options to choose from (one, or
/// several when `multiSelect`). Its answer goes back as the tool's `updatedInput`: the questions as received plus
/// `answers` mapping each question's text to the chosen label (labels joined with ", " for several).
struct UserChoiceQuestions: Sendable, Equatable {
    struct Question: Sendable, Equatable {
        var text: String
        var header: String?
        var options: [Option]
        var allowsSeveral: Bool
    }

    struct Option: Sendable, Equatable {
        var label: String
        var description: String?
    }

    var questions: [Question]
    /// As received: sent back unchanged.
    var input: JSONValue

    static let toolName = "AskUserQuestion"

    /// Nil unless `input` holds at least one question with at least one option.
    init?(_ input: JSONValue) {
        guard case .array(let items)? = input["questions"] else { return nil }
        var questions: [Question] = []
        for item in items {
            guard let text = item["question"]?.stringValue, case .array(let rawOptions)? = item["options"] else {
                return nil
            }
            let options = rawOptions.compactMap { option in
                option["label"]?.stringValue.map { Option(label: $0, description: option["description"]?.stringValue) }
            }
            guard !options.isEmpty else { return nil }
            let several = if case .bool(true)? = item["multiSelect"] { true } else { false }
            questions.append(
                Question(text: text, header: item["header"]?.stringValue, options: options, allowsSeveral: several))
        }
        guard !questions.isEmpty else { return nil }
        self.questions = questions
        self.input = input
    }

    /// The `updatedInput` for these answers, keyed by question text.
    func updatedInput(answers: [String: String]) -> JSONValue {
        var members: [String: JSONValue] = ["questions": input["questions"] ?? .array([])]
        members["answers"] = .object(answers.mapValues(JSONValue.string))
        return .object(members)
    }
}
