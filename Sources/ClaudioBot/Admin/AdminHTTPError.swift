import Hummingbird
import struct Shared.APIErrorBody

/// An admin-API failure answered as `{"error": message}` with `status` (SPEC §6), instead of Hummingbird's own
/// error body shape.
struct AdminHTTPError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try .adminJSON(APIErrorBody(error: message), status: status)
    }
}
