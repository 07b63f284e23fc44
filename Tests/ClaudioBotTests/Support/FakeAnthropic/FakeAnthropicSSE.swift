import Foundation
import Shared

/// The bodies the fake Messages API sends, shaped like the real API's: a Server-Sent Events stream (`message_start`,
/// `ping`, `content_block_start`, `content_block_delta` with `text_delta` or `input_json_delta`, `content_block_stop`,
/// `message_delta` with the stop reason, `message_stop`), a whole message for `stream: false`, and error bodies.
enum FakeAnthropicSSE {
    /// One piece of the stream, written after waiting `delay` (when set) so a slow model can be played.
    struct Chunk: Sendable {
        var text: String
        var delay: Duration?
    }

    static func stream(for reply: FakeAnthropicReply, model: String) -> [Chunk] {
        var chunks = [
            event(
                "message_start",
                [
                    "type": "message_start",
                    "message": [
                        "id": identifier("msg_"), "type": "message", "role": "assistant", "model": model,
                        "content": [Any](), "stop_reason": NSNull(), "stop_sequence": NSNull(),
                        "usage": ["input_tokens": 5, "output_tokens": 1],
                    ] as [String: Any],
                ]),
            event("ping", ["type": "ping"]),
        ]
        let stopReason: String
        switch reply {
        case .text(let text, let interval):
            chunks.append(event("content_block_start", blockStart(["type": "text", "text": ""])))
            // Whole words per delta when pacing, so every delta is visible progress.
            let words = text.split(separator: " ", omittingEmptySubsequences: false)
            let pieces = interval == nil ? [text] : words.indices.map { $0 == 0 ? String(words[$0]) : " " + words[$0] }
            for piece in pieces {
                var chunk = event("content_block_delta", delta(["type": "text_delta", "text": piece]))
                chunk.delay = interval
                chunks.append(chunk)
            }
            stopReason = "end_turn"
        case .toolUse(let name, let input):
            chunks.append(
                event(
                    "content_block_start",
                    blockStart([
                        "type": "tool_use", "id": identifier("toolu_"), "name": name, "input": [String: Any](),
                    ])))
            // The real API streams tool input as JSON fragments the client must join; split it to prove that.
            let json = input.jsonText
            let middle = json.index(json.startIndex, offsetBy: json.count / 2)
            for fragment in [json[..<middle], json[middle...]] {
                chunks.append(
                    event("content_block_delta", delta(["type": "input_json_delta", "partial_json": String(fragment)])))
            }
            stopReason = "tool_use"
        case .failure:
            preconditionFailure("a failure is an HTTP error, not a stream")
        }
        chunks.append(event("content_block_stop", ["type": "content_block_stop", "index": 0]))
        chunks.append(
            event(
                "message_delta",
                [
                    "type": "message_delta",
                    "delta": ["stop_reason": stopReason, "stop_sequence": NSNull()] as [String: Any],
                    "usage": ["output_tokens": 10],
                ]))
        chunks.append(event("message_stop", ["type": "message_stop"]))
        return chunks
    }

    /// The whole message, for a request with `stream: false`.
    static func message(for reply: FakeAnthropicReply, model: String) -> String {
        let content: [String: Any]
        let stopReason: String
        switch reply {
        case .text(let text, _):
            content = ["type": "text", "text": text]
            stopReason = "end_turn"
        case .toolUse(let name, let input):
            let object = (try? JSONSerialization.jsonObject(with: Data(input.jsonText.utf8))) ?? [String: Any]()
            content = ["type": "tool_use", "id": identifier("toolu_"), "name": name, "input": object]
            stopReason = "tool_use"
        case .failure:
            preconditionFailure("a failure is an HTTP error, not a message")
        }
        return encode([
            "id": identifier("msg_"), "type": "message", "role": "assistant", "model": model, "content": [content],
            "stop_reason": stopReason, "stop_sequence": NSNull(), "usage": ["input_tokens": 5, "output_tokens": 10],
        ])
    }

    /// The API's error body: `{"type": "error", "error": {"type": …, "message": …}}`.
    static func error(type: String, message: String) -> String {
        encode(["type": "error", "error": ["type": type, "message": message]])
    }

    static func identifier(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    static func encode(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func event(_ name: String, _ data: [String: Any]) -> Chunk {
        Chunk(text: "event: \(name)\ndata: \(encode(data))\n\n")
    }

    private static func blockStart(_ block: [String: Any]) -> [String: Any] {
        ["type": "content_block_start", "index": 0, "content_block": block]
    }

    private static func delta(_ delta: [String: Any]) -> [String: Any] {
        ["type": "content_block_delta", "index": 0, "delta": delta]
    }
}
