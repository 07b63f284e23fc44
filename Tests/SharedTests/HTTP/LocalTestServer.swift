import ClaudioTestSupport
import Foundation
import Hummingbird

/// A Hummingbird server on 127.0.0.1 (a free port) or on a Unix socket, serving the routes the
/// HTTP client tests talk to. It lives for the duration of ``withServer(unixSocketPath:_:)``.
///
/// Routes:
/// - `/echo` (any method): answers 200 with the request body, and headers `Echo-Method`,
///   `Echo-Content-Type` and `Echo-X-Claudio-Test` repeating the request's.
/// - `/status/{code}`: answers `code` with `Retry-After: 7` and body `status <code>`.
/// - `/slow?ms=N`: reports its arrival on ``arrivals``, then answers after N ms.
/// - `/big?bytes=N`: N bytes with a `Content-Length`; `/big-stream?bytes=N`: N bytes, chunked.
/// - `/greet` (POST JSON `{"name": …}`): answers JSON `{"greeting": "hello <name>"}`.
struct LocalTestServer: Sendable {
    /// `http://127.0.0.1:<port>` or, on a Unix socket, `http://localhost`.
    let baseURL: String
    /// The port, or 0 on a Unix socket.
    let port: Int
    /// The path and query of each `/slow` request, as it arrives.
    let arrivals: AsyncStream<String>

    /// Runs `body` while the server is up, then stops the server.
    static func withServer<Result: Sendable>(
        unixSocketPath: String? = nil,
        _ body: @Sendable (LocalTestServer) async throws -> Result
    ) async throws -> Result {
        let (arrivals, arrivalSink) = AsyncStream<String>.makeStream()
        return try await LocalServer.run(
            router: makeRouter(arrivals: arrivalSink),
            address: unixSocketPath.map { .unixSocket(path: $0) } ?? .loopbackFreePort,
            logLabel: "claudio.tests.http-server"
        ) { port in
            let baseURL = unixSocketPath == nil ? "http://127.0.0.1:\(port)" : "http://localhost"
            return try await body(LocalTestServer(baseURL: baseURL, port: port, arrivals: arrivals))
        } beforeStopping: {
            arrivalSink.finish()
        }
    }

    private static func makeRouter(arrivals: AsyncStream<String>.Continuation) -> Router<BasicRequestContext> {
        let router = Router()
        router.on("echo", method: .get) { request, _ in try await echo(request) }
        router.on("echo", method: .post) { request, _ in try await echo(request) }
        router.on("echo", method: .put) { request, _ in try await echo(request) }
        router.on("echo", method: .delete) { request, _ in try await echo(request) }
        router.get("status/:code") { _, context -> Response in
            let code = try context.parameters.require("code", as: Int.self)
            var headers = HTTPFields()
            headers[.init("Retry-After")!] = "7"
            return Response(status: .init(code: code), headers: headers, body: .init(byteBuffer: ByteBuffer(string: "status \(code)")))
        }
        router.get("slow") { request, _ -> String in
            arrivals.yield(request.uri.description)
            let milliseconds = request.uri.queryParameters.get("ms", as: Int.self) ?? 0
            try await Task.sleep(for: .milliseconds(milliseconds))
            return "slow done"
        }
        router.get("big") { request, _ -> Response in
            let size = request.uri.queryParameters.get("bytes", as: Int.self) ?? 0
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: size)))
        }
        router.get("big-stream") { request, _ -> Response in
            let size = request.uri.queryParameters.get("bytes", as: Int.self) ?? 0
            return Response(status: .ok, body: ResponseBody { writer in
                var left = size
                while left > 0 {
                    let chunk = min(left, 64 * 1024)
                    try await writer.write(ByteBuffer(repeating: UInt8(ascii: "x"), count: chunk))
                    left -= chunk
                }
                try await writer.finish(nil)
            })
        }
        router.post("greet") { request, _ -> Response in
            struct Greeting: Codable { var name: String?; var greeting: String? }
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let incoming = try JSONDecoder().decode(Greeting.self, from: Data(buffer.readableBytesView))
            let outgoing = try JSONEncoder().encode(Greeting(greeting: "hello \(incoming.name ?? "?")"))
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: outgoing)))
        }
        return router
    }

    private static func echo(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 20)
        var headers = HTTPFields()
        headers[.init("Echo-Method")!] = request.method.rawValue
        headers[.init("Echo-Content-Type")!] = request.headers[.contentType] ?? ""
        headers[.init("Echo-X-Claudio-Test")!] = request.headers[.init("X-Claudio-Test")!] ?? ""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
