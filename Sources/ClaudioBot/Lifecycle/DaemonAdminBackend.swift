import Foundation
import Shared

/// The admin API over the running daemon's parts.
struct DaemonAdminBackend: AdminBackend {
    let settings: Settings
    let startedAt: Date
    let gate: Gate
    let scheduler: JobScheduler
    let channels: [any ChatChannel]
    let sandbox: SandboxStatus
    let locks: [InstanceLock]
    let cli: ClaudeCLIInfo
    let reloader: AllowlistReloader
    /// The history beyond what `finishedJobs` holds.
    let store: StateStore
    /// The last finished jobs, in memory for the snapshot.
    let finishedJobs: RecentJobHistory
    let metrics: ClaudioMetrics
    let approvalDesk: ApprovalDesk
    /// Reads the command lines of a job's processes for its page.
    var sampler: any JobProcessSampler = ProcJobProcessSampler()

    func status() async throws -> StatusResponse {
        let lists = await gate.allowLists()
        var channelRows: [ChannelStatus] = []
        for platform in Platform.allCases {
            let channel = channels.first { $0.platform == platform }
            let health = await channel?.health()
            let size = platform == .telegram ? lists.telegram.count : lists.slack.count
            channelRows.append(
                ChannelStatus(
                    name: platform, enabled: channel != nil, connected: health?.connected ?? false,
                    lastError: health?.lastError, allowlistSize: size,
                    allowAll: platform == .slack && lists.slack.isEmpty))
        }
        return StatusResponse(
            version: ClaudioVersion.current, pid: Int(getpid()), startedAt: startedAt,
            uptimeSeconds: Int(Date().timeIntervalSince(startedAt)), channels: channelRows, locks: lockRows(),
            limits: LimitsInfo(
                rateLimitRequests: settings.rateLimitRequests, rateLimitWindow: settings.rateLimitWindow,
                commandTimeout: settings.commandTimeout, maxInputLength: settings.maxInputLength,
                maxConcurrentJobs: settings.maxConcurrentJobs),
            skipPermissions: settings.skipPermissions, allowedTools: settings.allowedTools.description,
            claudeCLI: ClaudeCLIStatus(path: cli.path, version: cli.version), sandbox: sandbox)
    }

    func jobs() async throws -> JobsResponse {
        JobsResponse(jobs: await scheduler.snapshot())
    }

    func job(id: String) async throws -> JobDetail? {
        guard let (job, row) = await scheduler.entry(jobID: id) else { return nil }
        let members = row.state.isRunning ? job.control.usage?.processes.map(\.identity) ?? [] : []
        return JobDetail(
            job, row: row, commandTimeout: settings.commandTimeout,
            commands: await sampler.commandLines(of: members))
    }

    func kill(jobID: String) async throws -> KillResponse? {
        guard let processes = await scheduler.kill(jobID: jobID, reason: .admin) else { return nil }
        return KillResponse(id: jobID, killed: true, processes: processes)
    }

    func rateLimits() async throws -> RateLimitsResponse {
        RateLimitsResponse(rateLimits: await gate.rateLimitEntries())
    }

    func topRateLimits(limit: Int) async throws -> (rows: [RateLimitInfo], total: Int) {
        await gate.topRateLimitEntries(limit: limit)
    }

    func denied(limit: Int) async throws -> DeniedResponse {
        DeniedResponse(denied: await gate.deniedRecords(limit: limit))
    }

    func reload() async throws -> ReloadResponse {
        try await reloader.reload()
    }

    func approvals() async throws -> ApprovalsResponse {
        ApprovalsResponse(approvals: await approvalDesk.waiting())
    }

    func decide(approvalID: String, _ decision: OperatorDecision) async throws -> ApprovalDesk.OperatorResult {
        await approvalDesk.decide(id: approvalID, decision.decision, via: decision.via ?? .api)
    }

    func approvalHistory(limit: Int) async throws -> ApprovalHistoryResponse {
        ApprovalHistoryResponse(decisions: await approvalDesk.history(limit: limit))
    }

    func history(limit: Int) async throws -> HistoryResponse {
        HistoryResponse(jobs: await store.recentJobs(limit: limit))
    }

    func recentHistory() async throws -> [JobHistoryEntry] {
        finishedJobs.newest
    }

    func metrics() async throws -> String {
        metrics.observeJobs(await scheduler.snapshot())
        return metrics.exposition
    }

    private func lockRows() -> [LockStatus] {
        Platform.allCases.map { platform in
            if let lock = locks.first(where: { $0.channel == platform }) {
                return LockStatus(
                    channel: platform, path: lock.path, held: true, holderPID: Int(getpid()), since: lock.acquiredAt)
            }
            return InstanceLock.inspect(channel: platform, directory: settings.lockDirectory)
        }
    }
}
