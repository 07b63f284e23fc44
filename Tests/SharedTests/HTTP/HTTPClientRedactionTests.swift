import Foundation
import Testing

@testable import Shared

/// The bot token in a Bot API URL never shows in any form of an error.
@Suite struct HTTPClientRedactionTests {
    private static let token = "123456789:AAHsecretBotToken-abcdefghijklmnopqrstu"

    /// Every way an error is commonly turned into text.
    private func renderings(of error: HTTPClientError) -> [String] {
        [
            String(describing: error), String(reflecting: error), error.localizedDescription, "\(error)",
            (error as any Error).localizedDescription, error.url,
        ]
    }

    @Test func refusedConnectionToATokenURLShowsNoToken() async throws {
        let refusing = try RefusingPort()
        let client = HTTPClient(redacting: [Self.token])
        defer { client.shutdown() }
        let url = "http://127.0.0.1:\(refusing.port)/bot\(Self.token)/getUpdates"
        let error = try await failure(of: HTTPRequest(url: url), on: client)
        for text in renderings(of: error) {
            #expect(!text.contains(Self.token))
            #expect(!text.contains("AAHsecret"))
        }
        #expect(error.url == "http://127.0.0.1:\(refusing.port)/bot‹redacted›/getUpdates")
        #expect(String(describing: error).contains("‹redacted›"))
    }

    @Test func timedOutRequestToATokenURLShowsNoToken() async throws {
        try await LocalTestServer.withServer { server in
            let client = HTTPClient(redacting: [Self.token])
            defer { client.shutdown() }
            let request = HTTPRequest(url: server.baseURL + "/slow?ms=5000&token=\(Self.token)", totalTimeout: .milliseconds(200))
            let error = try await failure(of: request, on: client)
            guard case .timedOut = error else {
                Issue.record("expected timedOut, got \(error)")
                return
            }
            for text in renderings(of: error) {
                #expect(!text.contains(Self.token))
            }
        }
    }

    @Test func curlsOwnErrorTextIsRedacted() async throws {
        // curl's message for a refused connection names the host it tried.
        let refusing = try RefusingPort()
        let client = HTTPClient(redacting: ["127.0.0.1"])
        defer { client.shutdown() }
        let error = try await failure(of: HTTPRequest(url: "http://127.0.0.1:\(refusing.port)/"), on: client)
        guard case .couldNotConnect(_, let message) = error else {
            Issue.record("expected couldNotConnect, got \(error)")
            return
        }
        #expect(message.contains("‹redacted›"))
        for text in renderings(of: error) {
            #expect(!text.contains("127.0.0.1"))
        }
    }

    @Test func aRejectedRequestShowsNoToken() async throws {
        let client = HTTPClient(redacting: [Self.token])
        defer { client.shutdown() }
        let request = HTTPRequest(url: "https://api.telegram.org/bot\(Self.token)/sendMessage", headers: ["Bad Name": "x"])
        let error = try await failure(of: request, on: client)
        for text in renderings(of: error) {
            #expect(!text.contains(Self.token))
        }
    }

    @Test func aPrintedRequestShowsOnlyItsOrigin() {
        let request = HTTPRequest(method: .post, url: "https://api.telegram.org/bot\(Self.token)/sendMessage")
        #expect(String(describing: request) == "POST https://api.telegram.org/…")
        #expect(!String(reflecting: request).contains(Self.token))
    }
}
