/// One element of a `getUpdates` result: the update, or why it could not be read.
///
/// Decoding a slot never fails, so one malformed update costs only itself, never the batch around it.
enum TelegramUpdateSlot: Decodable, Sendable, Equatable {
    case update(TelegramUpdate)
    /// An update Claudio cannot read. Its `update_id`, when readable, still has to be confirmed.
    case malformed(updateID: Int64?, reason: String)

    init(from decoder: any Decoder) throws {
        do {
            self = .update(try TelegramUpdate(from: decoder))
        } catch {
            let updateID = try? decoder.container(keyedBy: JSONObjectKey.self)
                .decode(Int64.self, forKey: JSONObjectKey(stringValue: "update_id"))
            self = .malformed(updateID: updateID, reason: Self.reason(error, below: decoder.codingPath.count))
        }
    }

    /// A one-line account of a decoding failure: what was wrong, and where inside the update.
    /// - Parameter depth: how many coding-path components lead to the update itself.
    private static func reason(_ error: any Error, below depth: Int) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.dropFirst(depth)
                .map { $0.intValue.map(String.init) ?? $0.stringValue }
                .joined(separator: ".")
            return path.isEmpty ? "the update" : path
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not a \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) is null, expected \(type)"
        case .keyNotFound(let key, let context):
            return "\(key.stringValue) is missing in \(path(context))"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
