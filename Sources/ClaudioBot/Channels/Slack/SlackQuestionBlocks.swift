import Shared

/// A `ChatQuestion` as Block Kit: its text as an mrkdwn section, then one `actions` block per row of buttons. Each
/// button's `value` (and `action_id`) is its token alone.
enum SlackQuestionBlocks {
    /// Slack's limits: 3000 characters of section text, 75 of a button's label.
    static let sectionLimit = 3000
    static let labelLimit = 75

    static func blocks(for question: ChatQuestion) -> JSONValue {
        let text = String(SlackMrkdwnRenderer.render(question.markdown).prefix(sectionLimit))
        var blocks: [JSONValue] = [
            ["type": "section", "text": ["type": "mrkdwn", "text": .string(text)]]
        ]
        for row in question.rows where !row.isEmpty {
            blocks.append([
                "type": "actions",
                "elements": .array(
                    row.map { button in
                        [
                            "type": "button", "action_id": .string(button.token), "value": .string(button.token),
                            "text": ["type": "plain_text", "text": .string(String(button.label.prefix(labelLimit)))],
                        ]
                    }),
            ])
        }
        return .array(blocks)
    }
}
