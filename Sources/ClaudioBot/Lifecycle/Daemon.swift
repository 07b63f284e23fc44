import Foundation
import Logging
import ServiceLifecycle
import Shared
import UnixSignals

/// The running daemon: builds every part from the settings, runs them until a signal, then shuts down cleanly
/// (SPEC §8): stop intake, tell running jobs' chats, kill every job tree, flush state, release locks, remove the
/// socket, exit 0 — within 10 s.
struct Daemon {
    let settings: Settings
    let environment: [String: String]
    private let logger = Logger(label: "claudio")

    init(settings: Settings, environment: [String: String]) {
        self.settings = settings
        self.environment = environment
    }

    /// Runs until SIGTERM/SIGINT; returns the process exit code (SPEC §3).
    func run() async -> Int32 {
        let startedAt = Date()
        let reaper: ChildReaper
        do {
            reaper = try ChildReaper()
        } catch {
            logger.critical("cannot start the process supervisor: \(error)")
            return 1
        }
        let locks: [InstanceLock]
        do {
            locks = try acquireLocks()
        } catch {
            Self.printError(error.description)
            return 1
        }
        defer { locks.forEach { $0.release() } }

        let state: StateStore
        do {
            state = try await StateStore.open(stateDirectory: settings.stateDirectory)
        } catch {
            Self.printError("❌ \(error)")
            return 2
        }
        let launcher = ProcessLauncher(reaper: reaper)
        let cli = await ClaudeCLIProbe(launcher: launcher).inspect(settings: settings, environment: environment)
        logWarnings(cli: cli)
        let sandbox: SandboxProbe.Choice
        do {
            sandbox = try await SandboxProbe(launcher: launcher).choose(settings: settings, environment: environment)
        } catch {
            Self.printError(error.description)
            return 2
        }
        if let warning = sandbox.status.warning { logger.warning("⚠️ \(warning)") }
        let supervisor: any ProcessSupervisor =
            if let bubblewrap = sandbox.bubblewrapPath {
                BubblewrapSupervisor(
                    bubblewrapPath: bubblewrap, settings: settings, home: environment["HOME"] ?? NSHomeDirectory(),
                    launcher: launcher)
            } else {
                HostProcessSupervisor(launcher: launcher, sweepingOrphans: true)
            }
        logger.notice("jobs run \(sandbox.status.isSandboxed ? "in bubblewrap (\(sandbox.bubblewrapPath ?? ""))" : "unsandboxed")")

        let http = HTTPClient(redacting: settings.secrets)
        let parts = await DaemonParts.assemble(
            settings: settings, store: state, supervisor: supervisor, sandbox: sandbox.status, cli: cli,
            environment: environment, http: http)
        let channels = parts.makeChannels()
        let reloader = AllowlistReloader(
            gate: parts.gate, processEnvironment: environment, envFilePath: settings.envFilePath,
            explicitEnvFile: settings.envFilePath != nil, telegramEnabled: settings.telegramEnabled)
        let backend = DaemonAdminBackend(
            settings: settings, startedAt: startedAt, gate: parts.gate, scheduler: parts.scheduler, channels: channels,
            sandbox: sandbox.status, locks: locks, cli: cli, reloader: reloader, store: state,
            finishedJobs: parts.recentHistory, metrics: parts.metrics,
            approvalDesk: parts.approvals)
        let admin = AdminServer(
            socketPath: settings.adminSocketPath, backend: backend, logger: Logger(label: "claudio.admin"))
        let core = DaemonCore(parts: parts, channels: channels, admin: admin, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: admin), .init(service: core)]
        if let address = settings.metricsListen {
            services.append(
                .init(service: MetricsServer(address: address, logger: Logger(label: "claudio.metrics")) {
                    try await backend.metrics()
                }))
        }

        var configuration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "claudio.lifecycle"))
        configuration.maximumGracefulShutdownDuration = .seconds(9)
        let group = ServiceGroup(configuration: configuration)
        let hangups = Task { await reloadOnHangup(reloader) }
        defer { hangups.cancel() }

        let code: Int32
        do {
            try await group.run()
            code = 0
        } catch let error as ChannelError {
            Self.printError(error.description)
            code = 3
        } catch let error as AdminServerError {
            Self.printError("❌ \(error)")
            code = 1
        } catch let error as MetricsServerError {
            Self.printError("❌ \(error)")
            code = 1
        } catch {
            logger.critical("stopped by an error: \(error)")
            code = 1
        }
        http.shutdown()
        await state.close()
        logger.notice("Claudio stopped")
        return code
    }

    private func acquireLocks() throws(InstanceLockError) -> [InstanceLock] {
        var taken: [InstanceLock] = []
        let platforms = [settings.telegramEnabled ? Platform.telegram : nil, settings.slackEnabled ? .slack : nil]
        for platform in platforms.compactMap({ $0 }) {
            do {
                taken.append(try InstanceLock(channel: platform, directory: settings.lockDirectory))
            } catch {
                taken.forEach { $0.release() }
                throw error
            }
        }
        return taken
    }

    private func reloadOnHangup(_ reloader: AllowlistReloader) async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            do {
                let result = try await reloader.reload()
                logger.notice(
                    "SIGHUP: allowlists reloaded (telegram \(result.telegram.size), slack \(result.slack.allowAll ? "all" : String(result.slack.size)))")
            } catch {
                logger.error("SIGHUP: \(error)")
            }
        }
    }

    private func logWarnings(cli: ClaudeCLIInfo) {
        let warnings = StartupWarnings.all(for: settings, cli: cli, isRoot: getuid() == 0, environment: environment)
        for warning in warnings { logger.warning("⚠️ \(warning)") }
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
