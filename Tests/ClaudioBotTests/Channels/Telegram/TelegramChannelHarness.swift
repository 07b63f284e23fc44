import FakeTelegram
import Foundation
import Shared

@testable import ClaudioBot

/// A `TelegramChannel` wired to the real router, gate, scheduler and job executor (running the scripted fake
/// claude) and a fresh state store, polling a `FakeTelegramServer`. Everything it starts is stopped when `with`
/// returns.
struct TelegramChannelHarness: Sendable {
    static let authorizedUser: Int64 = 42
    static let strangerUser: Int64 = 99

    let fake: FakeTelegramServer
    let claude: FakeClaude
    let store: StateStore
    let settings: Settings
    let http: HTTPClient
    let parts: DaemonParts
    var router: MessageRouter { parts.router }
    var scheduler: JobScheduler { parts.scheduler }

    /// Runs `body` with a harness whose channel is not started yet (see `startChannel`).
    /// - Parameters:
    ///   - environment: extra settings, e.g. `RATE_LIMIT_REQUESTS`.
    ///   - token: the token Claudio uses; the fake's own by default.
    ///   - busyTimeout: how long a state write waits for a lock another connection holds.
    ///   - transcriptionTimeout: how long a voice note's transcription may take.
    static func with(
        environment: [String: String] = [:], token: String? = nil, busyTimeout: TimeInterval = 5,
        transcriptionTimeout: Duration = .seconds(30),
        _ body: @Sendable (TelegramChannelHarness) async throws -> Void
    ) async throws {
        try await FakeTelegramServer.withServer { fake in
            let claude = try FakeClaude()
            let stateDirectory = try ScratchDirectory()
            defer {
                claude.remove()
                stateDirectory.remove()
            }
            let store = try await StateStore.open(stateDirectory: stateDirectory.path, busyTimeout: busyTimeout)
            var tuning = DaemonParts.Tuning.fastForTests
            tuning.transcriptionTimeout = transcriptionTimeout
            let harness = try await TelegramChannelHarness(
                fake: fake, claude: claude, store: store, environment: environment, token: token ?? fake.token,
                tuning: tuning)
            do {
                try await body(harness)
            } catch {
                await harness.scheduler.shutdown()
                await store.close()
                throw error
            }
            await harness.scheduler.shutdown()
            await store.close()
        }
    }

    private init(
        fake: FakeTelegramServer, claude: FakeClaude, store: StateStore, environment: [String: String], token: String,
        tuning: DaemonParts.Tuning
    ) async throws {
        self.fake = fake
        self.claude = claude
        self.store = store
        var variables = [
            "TELEGRAM_BOT_TOKEN": token, "ALLOWED_USER_IDS": String(Self.authorizedUser),
            "TELEGRAM_API_BASE_URL": fake.baseURL, "WORKSPACE_PATH": "/tmp", "HOME": "/tmp",
            "JOB_ENV_PASSTHROUGH": FakeClaude.passthrough,
        ]
        variables.merge(environment) { $1 }
        settings = try SettingsLoader.settings(from: EnvironmentLayers(processEnvironment: variables))
        http = HTTPClient(redacting: [token])
        parts = await DaemonParts.assemble(
            settings: settings, store: store, supervisor: FakeClaude.supervisor(), sandbox: FakeClaude.unsandboxed,
            cli: FakeClaude.cli,
            environment: claude.environment, http: http, tuning: tuning)
    }

    /// A channel with quick reconnects and resends, so fault tests take milliseconds.
    /// - Parameter backlogLimit: updates handled at once before strangers' are shed.
    func makeChannel(pollTimeout: Int = 5, backlogLimit: Int? = nil) -> TelegramChannel {
        var tuned = parts
        tuned.tuning.telegramPollTimeout = pollTimeout
        if let backlogLimit { tuned.tuning.telegramBacklogLimit = backlogLimit }
        return tuned.makeTelegramChannel()
    }

    /// Runs `body` while `channel` serves, then cancels it and waits until `run()` has returned.
    /// - Returns: how `run()` ended.
    @discardableResult
    func serving(
        _ channel: TelegramChannel, _ body: @Sendable () async throws -> Void
    ) async throws -> Result<Void, any Error> {
        let running = Task { () -> Result<Void, any Error> in
            do {
                try await channel.run()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        do {
            try await body()
        } catch {
            running.cancel()
            _ = await running.value
            throw error
        }
        running.cancel()
        return await running.value
    }

    /// The prompts the fake claude received, in no particular order.
    var prompts: [String] { claude.files(prefix: "stdin.") }
}
