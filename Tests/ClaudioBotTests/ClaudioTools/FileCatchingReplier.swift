import Foundation

@testable import ClaudioBot

/// A chat that keeps every file sent to it, whole, and can be told to refuse photos or every file.
actor FileCatchingReplier: ChatReplier {
    enum Refusing: Sendable {
        case nothing
        case photos
        case everything
    }

    private(set) var files: [(file: OutgoingFile, address: ChatAddress)] = []
    /// Files offered that were refused.
    private(set) var refused: [OutgoingFile] = []
    let refusing: Refusing

    init(refusing: Refusing = .nothing) {
        self.refusing = refusing
    }

    func sendFile(_ file: OutgoingFile, to address: ChatAddress) -> Bool {
        let refuses = switch refusing {
        case .nothing: false
        case .photos: file.kind == .photo
        case .everything: true
        }
        if refuses {
            refused.append(file)
            return false
        }
        files.append((file, address))
        return true
    }

    func send(_ text: String, to address: ChatAddress) -> PostedMessage? {
        PostedMessage(address: address, messageID: "1")
    }

    func edit(_ message: PostedMessage, text: String) {}

    func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String
    ) {}

    func showWorking(in address: ChatAddress) {}
}
