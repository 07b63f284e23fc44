/// A button under a question. Pressing it sends back `token` alone: an unguessable value that stands for this button
/// of this question, never a user ID or a command (SPEC §13).
package struct ChatButton: Sendable, Hashable {
    package var label: String
    package var token: String

    package init(label: String, token: String) {
        self.label = label
        self.token = token
    }
}
