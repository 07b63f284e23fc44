import Hummingbird

extension Response {
    /// A response carrying a Prometheus text exposition, with the content type scrapers expect of version 0.0.4.
    static func prometheus(_ exposition: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: exposition)))
    }
}
