import Shared
/// A `can_use_tool` question: which tool, with what input.
package struct ToolPermissionRequest: Sendable, Equatable {
    package var toolName: String
    /// As the model wrote it; an allow answer sends it back (`updatedInput`).
    package var input: JSONValue
    package var toolUseID: String?
    /// For file writes, the path that needs permission.
    package var blockedPath: String?

    package init(toolName: String, input: JSONValue, toolUseID: String? = nil, blockedPath: String? = nil) {
        self.toolName = toolName
        self.input = input
        self.toolUseID = toolUseID
        self.blockedPath = blockedPath
    }
}
