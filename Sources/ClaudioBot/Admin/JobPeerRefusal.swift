import Hummingbird
import HummingbirdCore
import struct Shared.APIErrorBody

/// The one answer a job's process gets from the admin API, on every endpoint (SPEC §12): 403 with a plain reason,
/// so a client sees why rather than a dropped connection.
enum JobPeerRefusal {
    static let message = "jobs may not use the admin API"

    /// An HTTP responder that answers every request with the refusal.
    static let responder: HTTPChannelHandler.Responder = { _, writer, _ in
        let response = try Response.adminJSON(APIErrorBody(error: message), status: .forbidden)
        try await writer.write(response: response.head, body: response.body)
    }
}
