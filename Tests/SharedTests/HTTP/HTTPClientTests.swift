import Foundation
import Testing

@testable import Shared

/// Requests that succeed: bodies, headers and statuses arrive as sent.
@Suite struct HTTPClientTests {
    @Test func jsonPostRoundTrips() async throws {
        struct Greeting: Codable, Equatable { var name: String?; var greeting: String? }
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(
                method: .post,
                url: server.baseURL + "/greet",
                body: .json(try JSONEncoder().encode(Greeting(name: "Ada")))
            )
            let response = try await client.send(request)
            #expect(response.statusCode == 200)
            #expect(response.headers["content-type"] == "application/json")
            #expect(try JSONDecoder().decode(Greeting.self, from: response.body) == Greeting(greeting: "hello Ada"))
        }
    }

    @Test func getReturnsTheWholeBody() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/big?bytes=300000"))
            #expect(response.statusCode == 200)
            #expect(response.body == Data(repeating: UInt8(ascii: "x"), count: 300_000))
            #expect(response.headers["Content-Length"] == "300000")
        }
    }

    @Test func rawBytesArriveWithTheirContentType() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let bytes = Data((0...255).map { UInt8($0) })
            let request = HTTPRequest(method: .put, url: server.baseURL + "/echo", body: .bytes(bytes, contentType: "application/octet-stream"))
            let response = try await client.send(request)
            #expect(response.body == bytes)
            #expect(response.headers["Echo-Method"] == "PUT")
            #expect(response.headers["Echo-Content-Type"] == "application/octet-stream")
        }
    }

    @Test func formFieldsArriveURLEncoded() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(
                method: .post,
                url: server.baseURL + "/echo",
                body: .form(["text": "héllo & bye=1/2", "chat_id": "42"])
            )
            let response = try await client.send(request)
            #expect(String(decoding: response.body, as: UTF8.self) == "chat_id=42&text=h%C3%A9llo%20%26%20bye%3D1%2F2")
            #expect(response.headers["Echo-Content-Type"] == "application/x-www-form-urlencoded")
        }
    }

    @Test func multipartPartsArriveIntact() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let fileBytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            let request = HTTPRequest(
                method: .post,
                url: server.baseURL + "/echo",
                body: .multipart([
                    .text(name: "chat_id", value: "42"),
                    .file(name: "document", filename: "report.bin", contentType: "application/octet-stream", data: fileBytes),
                ])
            )
            let response = try await client.send(request)
            let contentType = try #require(response.headers["Echo-Content-Type"])
            #expect(contentType.hasPrefix("multipart/form-data; boundary="))
            let body = response.body
            let text = String(decoding: body, as: UTF8.self)
            #expect(text.contains("Content-Disposition: form-data; name=\"chat_id\"\r\n\r\n42\r\n"))
            #expect(text.contains("Content-Disposition: form-data; name=\"document\"; filename=\"report.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"))
            #expect(body.range(of: fileBytes) != nil)
        }
    }

    @Test func requestHeadersAreSentAndResponseHeadersFoundInAnyCase() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(url: server.baseURL + "/echo", headers: ["X-Claudio-Test": "yes, please"])
            let response = try await client.send(request)
            #expect(response.headers["echo-x-claudio-test"] == "yes, please")
            #expect(response.headers["ECHO-METHOD"] == "GET")
        }
    }

    @Test(arguments: [400, 404, 409, 429, 500, 503])
    func errorStatusesAreReturnedNotThrown(status: Int) async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/status/\(status)"))
            #expect(response.statusCode == status)
            #expect(!response.isSuccess)
            #expect(response.headers["retry-after"] == "7")
            #expect(String(decoding: response.body, as: UTF8.self) == "status \(status)")
        }
    }

    @Test func requestsGoOverAUnixSocket() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("claudio-http-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let socketPath = directory.appendingPathComponent("admin.sock").path

        try await LocalTestServer.withServer(unixSocketPath: socketPath) { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(
                method: .post,
                url: server.baseURL + "/echo",
                body: .json(Data(#"{"ping":true}"#.utf8)),
                unixSocketPath: socketPath
            )
            let response = try await client.send(request)
            #expect(response.statusCode == 200)
            #expect(response.body == Data(#"{"ping":true}"#.utf8))
            #expect(response.headers["Echo-Content-Type"] == "application/json")
        }
    }

    @Test func oneClientServesManyRequestsInSequence() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient()
            defer { client.shutdown() }
            for index in 0..<5 {
                let request = HTTPRequest(method: .post, url: server.baseURL + "/echo", body: .json(Data("\(index)".utf8)))
                let response = try await client.send(request)
                #expect(response.body == Data("\(index)".utf8))
            }
        }
    }
}
