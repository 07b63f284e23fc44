import Foundation
import Synchronization

import ClaudioBot

/// A `ChatReplier` that keeps every message, edit and answer, and reports each as an event.
package actor RecordingReplier: ChatReplier {
    package enum Event: Sendable, Equatable {
        case sent(String)
        case edited(String)
        case answered(String)
        case sentBestEffort(String)
        case file(String)
        /// A question with buttons was posted.
        case asked(ChatQuestion)
        /// A question was changed: its new text and buttons (none once settled).
        case questionEdited(ChatQuestion)
    }

    package nonisolated let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    package private(set) var log: [Event] = []
    package private(set) var typingCount = 0
    private var nextID = 0
    private nonisolated let bestEffortLog = Mutex<[String]>([])

    package init() {
        (events, continuation) = AsyncStream.makeStream()
    }

    package func send(_ text: String, to address: ChatAddress) -> PostedMessage? {
        nextID += 1
        append(.sent(text))
        return PostedMessage(address: address, messageID: String(nextID))
    }

    package func edit(_ message: PostedMessage, text: String) {
        append(.edited(text))
    }

    package func deliverAnswer(
        _ markdown: String, to address: ChatAddress, replacing placeholder: PostedMessage?, documentName: String
    ) {
        append(.answered(markdown))
    }

    package func sendFile(_ file: OutgoingFile, to address: ChatAddress) -> Bool {
        append(.file(file.name))
        return true
    }

    package func ask(_ question: ChatQuestion, to address: ChatAddress) -> PostedMessage? {
        nextID += 1
        append(.asked(question))
        return PostedMessage(address: address, messageID: String(nextID))
    }

    package func editQuestion(_ message: PostedMessage, to question: ChatQuestion) {
        append(.questionEdited(question))
    }

    /// The questions posted so far.
    package var questions: [ChatQuestion] {
        log.compactMap { if case .asked(let question) = $0 { question } else { nil } }
    }

    package func showWorking(in address: ChatAddress) {
        typingCount += 1
    }

    /// Best-effort replies (to strangers), in the order they were handed over; recorded at once, since the caller
    /// does not wait for them.
    package nonisolated func sendBestEffort(_ text: String, to address: ChatAddress) {
        bestEffortLog.withLock { $0.append(text) }
        continuation.yield(.sentBestEffort(text))
    }

    /// The best-effort replies so far.
    package nonisolated var bestEffortSent: [String] { bestEffortLog.withLock { $0 } }

    /// The final word of a job: its answer, or the last edit of its progress message.
    package var lastOutcomeText: String? {
        for event in log.reversed() {
            switch event {
            case .answered(let text), .edited(let text): return text
            case .sent, .sentBestEffort, .file, .asked, .questionEdited: continue
            }
        }
        return nil
    }

    private func append(_ event: Event) {
        log.append(event)
        continuation.yield(event)
    }
}
