import Testing

@testable import Shared

@Suite("MAX_SEND_FILE_BYTES: the largest file Claude may send to the chat (SPEC §2, §14)")
struct SendFileSettingsTests {
    let base = ["HOME": "/home/op", "TELEGRAM_BOT_TOKEN": SettingsLoaderTests.token, "ALLOWED_USER_IDS": "42"]

    func load(_ extra: [String: String]) throws(SettingsError) -> Settings {
        try SettingsLoader.settings(from: EnvironmentLayers(processEnvironment: base.merging(extra) { $1 }))
    }

    @Test("50 MB by default, a whole number of bytes when set, shown by claudio check")
    func defaultAndSet() throws {
        #expect(try load([:]).maxSendFileBytes == 50_000_000)
        let settings = try load(["MAX_SEND_FILE_BYTES": "1048576"])
        #expect(settings.maxSendFileBytes == 1_048_576)
        let row = try #require(settings.displayRows.first { $0.variable == "MAX_SEND_FILE_BYTES" })
        #expect(row.value == "1048576" && row.source == .environment)
    }

    @Test("zero, a negative number or a word is refused, naming the variable and the value")
    func badValues() {
        for value in ["0", "-5", "fifty megabytes"] {
            #expect {
                _ = try load(["MAX_SEND_FILE_BYTES": value])
            } throws: { error in
                let issues = (error as? SettingsError)?.issues ?? []
                return issues.map(\.variable) == ["MAX_SEND_FILE_BYTES"]
                    && issues[0].description.hasPrefix("MAX_SEND_FILE_BYTES=\"\(value)\"")
            }
        }
    }
}
