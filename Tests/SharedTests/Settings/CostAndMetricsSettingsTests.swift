import Foundation
import Testing

@testable import Shared

@Suite("USER_DAILY_BUDGET_USD and METRICS_LISTEN (SPEC §2, §16)")
struct CostAndMetricsSettingsTests {
    let base = ["HOME": "/home/op", "TELEGRAM_BOT_TOKEN": "123456789:AAHk-token", "ALLOWED_USER_IDS": "42"]

    func load(_ extra: [String: String]) throws(SettingsError) -> Settings {
        try SettingsLoader.settings(from: EnvironmentLayers(processEnvironment: base.merging(extra) { $1 }))
    }

    func issues(_ extra: [String: String]) -> [SettingsIssue] {
        do {
            _ = try load(extra)
            return []
        } catch {
            return error.issues
        }
    }

    @Test("by default there is no budget and no metrics listener")
    func defaults() throws {
        let settings = try load([:])
        #expect(settings.userDailyBudgetUSD == 0)
        #expect(settings.metricsListen == nil)
        let rows = Dictionary(uniqueKeysWithValues: settings.displayRows.map { ($0.variable, $0.value) })
        #expect(rows["USER_DAILY_BUDGET_USD"] == "0 (no budget)")
        #expect(rows["METRICS_LISTEN"] == "(not set)")
    }

    @Test("a budget in dollars, with or without $", arguments: [("5", 5.0), ("0.25", 0.25), ("$2.50", 2.5), ("0", 0.0)])
    func budget(text: String, value: Double) throws {
        #expect(try load(["USER_DAILY_BUDGET_USD": text]).userDailyBudgetUSD == value)
    }

    @Test("a budget that is not an amount ≥ 0 is an error naming the variable and the value", arguments: ["-1", "five", "inf"])
    func badBudget(text: String) {
        let found = issues(["USER_DAILY_BUDGET_USD": text])
        #expect(found.count == 1)
        #expect(found.first?.variable == "USER_DAILY_BUDGET_USD" && found.first?.shownValue == text)
        #expect(found.first?.expected.contains("US dollars ≥ 0") == true)
    }

    @Test("METRICS_LISTEN: a bare port listens on loopback; an address the operator names is kept", arguments: [
        ("9464", "127.0.0.1:9464", true), (":9464", "127.0.0.1:9464", true), ("localhost:80", "127.0.0.1:80", true),
        ("127.0.0.2:9000", "127.0.0.2:9000", true), ("0.0.0.0:9464", "0.0.0.0:9464", false),
        ("[::1]:9464", "[::1]:9464", true), ("[::]:9464", "[::]:9464", false),
    ])
    func listen(text: String, shown: String, loopback: Bool) throws {
        let address = try #require(try load(["METRICS_LISTEN": text]).metricsListen)
        #expect(address.description == shown)
        #expect(address.isLoopback == loopback)
    }

    @Test("METRICS_LISTEN that is not PORT or IP:PORT is an error saying what is expected", arguments: [
        "0", "70000", "example.com:9464", "1.2.3:80", "127.0.0.1:", "127.0.0.1:http", "[::1]9464", "[nope]:1",
    ])
    func badListen(text: String) {
        let found = issues(["METRICS_LISTEN": text])
        #expect(found.count == 1)
        #expect(found.first?.variable == "METRICS_LISTEN")
        #expect(found.first?.description.contains("127.0.0.1:9464") == true)
    }
}
