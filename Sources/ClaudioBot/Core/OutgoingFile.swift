import Foundation

/// A file Claudio sends to a chat: a long answer as a document, or (later) a file Claude sends.
package struct OutgoingFile: Sendable, Equatable {
    /// How the platform shows it.
    package enum Kind: Sendable, Equatable {
        case document
        /// Shown inline (Telegram `sendPhoto`); png, jpeg, gif, webp.
        case photo
    }

    package var name: String
    package var data: Data
    package var caption: String?
    package var kind: Kind

    package init(name: String, data: Data, caption: String? = nil, kind: Kind = .document) {
        self.name = name
        self.data = data
        self.caption = caption
        self.kind = kind
    }
}
