import Foundation

/// How the fake answers one HTTP request.
package enum FakeTelegramAnswer: Sendable {
    case json(status: Int, body: Data)
    /// A 200 whose body is not JSON.
    case garbage
    /// Headers, then the connection closes before the promised body.
    case drop
    /// A file's bytes, as `<base>/file/bot<token>/<path>` serves them.
    case file(Data)

    package static func ok(_ result: FakeTelegramJSON) -> FakeTelegramAnswer {
        .json(status: 200, body: Data(FakeTelegramJSON.object(["ok": true, "result": result]).jsonText.utf8))
    }

    package static func error(_ code: Int, _ description: String, retryAfter: Int? = nil) -> FakeTelegramAnswer {
        var envelope: [String: FakeTelegramJSON] = [
            "ok": false, "error_code": .integer(Int64(code)), "description": .string(description),
        ]
        if let retryAfter { envelope["parameters"] = ["retry_after": .integer(Int64(retryAfter))] }
        return .json(status: code, body: Data(FakeTelegramJSON.object(envelope).jsonText.utf8))
    }

    package var status: Int {
        switch self {
        case .json(let status, _): status
        case .garbage, .drop, .file: 200
        }
    }
}
