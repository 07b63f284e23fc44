import Foundation
import Logging
import Shared

/// `send_file {path, caption?}` (SPEC §14): sends a file of the workspace to the job's chat — an image as a photo,
/// anything else as a document — and notes it in the job's activity.
struct SendFileTool: ClaudioTool {
    static let toolName = "send_file"

    /// Finds and reads the file, within the workspace and `MAX_SEND_FILE_BYTES`.
    let files: WorkspaceFileReader
    /// The job's chat.
    let replier: any ChatReplier
    let address: ChatAddress
    let activity: JobActivity
    private let logger = Logger(label: "claudio.tools")

    init(files: WorkspaceFileReader, replier: any ChatReplier, address: ChatAddress, activity: JobActivity) {
        self.files = files
        self.replier = replier
        self.address = address
        self.activity = activity
    }

    var name: String { Self.toolName }

    var description: String {
        """
        Send a file from the workspace to the user's chat, where they can open or download it. Use it whenever the \
        user should get a file rather than text: a report, a chart or other image, a log, a spreadsheet, an \
        archive you made, or a file they ask you to send, share or attach. Images (png, jpeg, gif, webp) appear as \
        pictures; other files as documents. `path` is relative to the working directory (an absolute path must lie \
        inside it); files up to \(files.maxBytes) bytes. The result says whether the file was sent.
        """
    }

    var inputSchema: JSONValue {
        [
            "type": "object",
            "properties": [
                "path": [
                    "type": "string",
                    "description": "The file's path, relative to the working directory, e.g. \"reports/summary.pdf\"",
                ],
                "caption": ["type": "string", "description": "A short text shown with the file"],
            ],
            "required": ["path"],
            "additionalProperties": false,
        ]
    }

    func call(arguments: JSONValue) async -> ClaudioToolResult {
        guard let path = arguments["path"]?.stringValue, !path.isEmpty else {
            return .failure("send_file needs \"path\": the file's path relative to the working directory")
        }
        var caption: String?
        switch arguments["caption"] {
        case nil, .null?: break
        case .string(let text)?: caption = text.isEmpty ? nil : text
        default: return .failure("\"caption\" must be text")
        }
        let shown = TextSanitizer.excerpt(path, limit: 200)
        let data: Data
        do {
            data = try await files.read(path)
        } catch {
            activity.record(.file, "not sent: \(shown) (\(error.reason))")
            return .failure("could not send \(shown): \(error.reason)")
        }
        let name = SafeFileName.from(path) ?? "file"
        guard await deliver(OutgoingFile(name: name, data: data, caption: caption, kind: OutgoingFile.Kind(fileName: name)))
        else {
            activity.record(.file, "not sent: \(name) (the chat refused it)")
            return .failure(
                "could not send \(name): the chat refused it or could not be reached; nothing was delivered")
        }
        activity.record(.file, "sent \(name) (\(ByteCountText.format(data.count)))")
        logger.info("sent \(name) (\(data.count) bytes) to \(address.platform.rawValue):\(address.chatID)")
        return .success("sent \(name) (\(data.count) bytes) to the chat")
    }

    /// Sends `file`; an image the platform will not take as a photo (Telegram: over 10 MB, odd proportions) goes
    /// again as a document.
    private func deliver(_ file: OutgoingFile) async -> Bool {
        if await replier.sendFile(file, to: address) { return true }
        guard file.kind == .photo else { return false }
        var document = file
        document.kind = .document
        return await replier.sendFile(document, to: address)
    }
}
