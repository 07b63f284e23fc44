import Logging
import ServiceLifecycle
import Shared
import Testing

@testable import ClaudioBot

@Suite("METRICS_LISTEN: /metrics over TCP for a scraper, and nothing else", .timeLimit(.minutes(1)))
struct MetricsServerTests {
    static let quiet = Logger(label: "claudio.metrics.test") { _ in SwiftLogNoOpLogHandler() }

    @Test("GET /metrics answers the exposition; any other path or method is a 404 that says nothing of the daemon")
    func onlyMetrics() async throws {
        let metrics = ClaudioMetrics(commandTimeout: 1800)
        metrics.rateLimited(platform: .telegram)
        let server = MetricsServer(address: MetricsListenAddress(host: "127.0.0.1", port: 0), logger: Self.quiet) {
            metrics.exposition
        }
        let group = ServiceGroup(configuration: .init(services: [server], gracefulShutdownSignals: [], logger: Self.quiet))
        let running = Task { try await group.run() }
        let http = HTTPClient()
        defer { http.shutdown() }
        do {
            let port = try await server.waitUntilListening()
            let base = "http://127.0.0.1:\(port)"
            let scrape = try await http.send(HTTPRequest(method: .get, url: base + "/metrics"))
            #expect(scrape.statusCode == 200)
            #expect(scrape.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
            let text = try PrometheusText(String(decoding: scrape.body, as: UTF8.self))
            #expect(text.value("claudio_rate_limited_total", ["platform": "telegram"]) == 1)
            for (method, path) in [(Shared.HTTPMethod.get, "/v1/status"), (.get, "/v1/snapshot"), (.get, "/"),
                                   (.post, "/v1/reload"), (.post, "/metrics"), (.get, "/metrics/extra")] {
                let answer = try await http.send(HTTPRequest(method: method, url: base + path))
                #expect(answer.statusCode == 404, "\(method) \(path)")
                #expect(!String(decoding: answer.body, as: UTF8.self).contains("claudio"), "\(method) \(path)")
            }
        } catch {
            await group.triggerGracefulShutdown()
            _ = await running.result
            throw error
        }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    @Test("a port already taken stops the listener with an error naming METRICS_LISTEN")
    func portTaken() async throws {
        let first = MetricsServer(address: MetricsListenAddress(host: "127.0.0.1", port: 0), logger: Self.quiet) { "" }
        let group = ServiceGroup(configuration: .init(services: [first], gracefulShutdownSignals: [], logger: Self.quiet))
        let running = Task { try await group.run() }
        let port = try await first.waitUntilListening()
        let second = MetricsServer(address: MetricsListenAddress(host: "127.0.0.1", port: port), logger: Self.quiet) { "" }
        let error = await #expect(throws: MetricsServerError.self) { try await second.run() }
        #expect(error?.description.contains("METRICS_LISTEN=127.0.0.1:\(port)") == true)
        await group.triggerGracefulShutdown()
        try await running.value
    }
}
