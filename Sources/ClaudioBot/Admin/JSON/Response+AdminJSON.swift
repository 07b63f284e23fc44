import Hummingbird
import enum Shared.AdminJSON

extension Response {
    /// A response carrying `value` as admin-API JSON (snake_case keys, ISO-8601 dates, sorted keys).
    static func adminJSON(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        adminJSON(bytes: try AdminJSON.encoder.encode(value), status: status)
    }

    /// A response carrying admin-API JSON already written (`SnapshotJSON`).
    static func adminJSON(bytes: some Sequence<UInt8>, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
