import Foundation
import Shared

/// One running job per chat with a FIFO behind it, and at most `maxConcurrent` running across all chats.
///
/// Also the registry the admin API reads: every queued and running job with its process, and the place where a job
/// is killed by the administrator, by `/cancel` or at shutdown.
actor JobScheduler {
    struct Limits: Sendable {
        var maxConcurrent: Int
        var maxQueuedPerChat: Int
    }

    private struct ChatLine {
        var running: Job?
        var waiting: [Job] = []
    }

    private let limits: Limits
    private let executor: any JobExecutor
    private var lines: [ChatKey: ChatLine] = [:]
    /// Chats whose next job waits only for a free slot, in the order they became ready (fair across chats).
    private var readyChats: [ChatKey] = []
    private var runningCount = 0
    /// Running jobs per (platform, user), for the fairness rule.
    private var runningPerUser: [UserKey: Int] = [:]
    private var runningTasks: [String: Task<Void, Never>] = [:]
    private var acceptingJobs = true
    private var finishedObservers: [@Sendable (Job, JobOutcomeKind) -> Void] = []

    /// Whether jobs run in the sandbox, for the admin API's rows.
    private let sandboxed: Bool

    init(limits: Limits, executor: any JobExecutor, sandboxed: Bool = false) {
        self.limits = limits
        self.executor = executor
        self.sandboxed = sandboxed
    }

    /// Called after each job ends (the store records history through it; tests wait on it).
    func onJobFinished(_ observer: @escaping @Sendable (Job, JobOutcomeKind) -> Void) {
        finishedObservers.append(observer)
    }

    func submit(_ job: Job) -> SubmitResult {
        guard acceptingJobs else { return .shuttingDown }
        var line = lines[job.address.chatKey] ?? ChatLine()
        if line.running == nil, line.waiting.isEmpty, hasSlot(for: job) {
            line.running = job
            lines[job.address.chatKey] = line
            start(job)
            return .started
        }
        let waitingForOwnChat = line.running != nil
        guard line.waiting.count < limits.maxQueuedPerChat + (waitingForOwnChat ? 0 : 1) else { return .busy }
        line.waiting.append(job)
        lines[job.address.chatKey] = line
        if line.running == nil, line.waiting.count == 1 {
            readyChats.append(job.address.chatKey)
        }
        return .queued(position: line.waiting.count)
    }

    /// Stops the caller's own job in this chat: the running one, else their newest queued one.
    /// - Returns: the job's ID, or nil when the caller has nothing there.
    func cancel(chat: ChatKey, userID: String) async -> String? {
        guard let line = lines[chat] else { return nil }
        if let running = line.running, running.user.id == userID {
            _ = await running.control.kill(.cancel)
            return running.id
        }
        guard let queued = line.waiting.last(where: { $0.user.id == userID }) else { return nil }
        removeQueued(queued.id, reason: .cancel)
        return queued.id
    }

    /// Kills a running job's process tree or drops a queued job.
    /// - Returns: how many processes were killed, or nil for an unknown ID.
    func kill(jobID: String, reason: KillReason) async -> Int? {
        for line in lines.values {
            if let running = line.running, running.id == jobID {
                return await running.control.kill(reason)
            }
            if line.waiting.contains(where: { $0.id == jobID }) {
                removeQueued(jobID, reason: reason)
                return 0
            }
        }
        return nil
    }

    /// Stops intake, drops queued jobs and kills every running job's tree, then waits for their executors to finish
    /// (they tell their chats).
    func shutdown() async {
        acceptingJobs = false
        var dropped: [Job] = []
        for (chat, line) in lines {
            dropped += line.waiting
            lines[chat]?.waiting = []
        }
        readyChats = []
        // Kill first: telling the queued jobs' chats takes network round trips that must not delay it.
        let running = lines.values.compactMap(\.running)
        await withTaskGroup(of: Void.self) { group in
            for job in running {
                group.addTask { _ = await job.control.kill(.shutdown) }
            }
        }
        let executor = executor
        await withTaskGroup(of: Void.self) { group in
            for job in dropped {
                notifyFinished(job, .interrupted)
                group.addTask { await executor.discard(job, reason: .shutdown) }
            }
        }
        for task in runningTasks.values {
            await task.value
        }
    }

    func snapshot() -> [JobInfo] {
        let time = Date()
        var rows: [JobInfo] = []
        for line in lines.values {
            if let job = line.running {
                let started = job.control.startedAt ?? job.queuedAt
                let state: JobRunState = job.control.waitingQuestions > 0 ? .waitingApproval : .running
                rows.append(row(job, state: state, startedAt: started, at: time, processes: job.control.processCount))
            }
            for job in line.waiting {
                rows.append(row(job, state: .queued, startedAt: job.queuedAt, at: time, processes: 0))
            }
        }
        return rows.sorted { ($0.state.isRunning ? 0 : 1, $0.startedAt) < ($1.state.isRunning ? 0 : 1, $1.startedAt) }
    }

    var runningJobCount: Int { runningCount }

    /// A queued or running job with its row as `snapshot()` shows it; nil when no job has that ID.
    func entry(jobID: String) -> (job: Job, row: JobInfo)? {
        let time = Date()
        for line in lines.values {
            if let job = line.running, job.id == jobID {
                let state: JobRunState = job.control.waitingQuestions > 0 ? .waitingApproval : .running
                let started = job.control.startedAt ?? job.queuedAt
                return (job, row(job, state: state, startedAt: started, at: time, processes: job.control.processCount))
            }
            if let job = line.waiting.first(where: { $0.id == jobID }) {
                return (job, row(job, state: .queued, startedAt: job.queuedAt, at: time, processes: 0))
            }
        }
        return nil
    }

    /// The job running in `chat`, if any.
    func runningJob(in chat: ChatKey) -> Job? {
        lines[chat]?.running
    }

    // MARK: - Running

    /// Whether `job` may take a slot now. With more than one slot, one user never holds them all: the last free slot
    /// is kept for someone else, and the user's extra prompts wait in their chats' queues (SPEC §18).
    private func hasSlot(for job: Job) -> Bool {
        guard runningCount < limits.maxConcurrent else { return false }
        guard limits.maxConcurrent > 1 else { return true }
        return runningPerUser[job.user.key, default: 0] < limits.maxConcurrent - 1
    }

    private func start(_ job: Job) {
        runningCount += 1
        runningPerUser[job.user.key, default: 0] += 1
        job.control.markStarted(at: Date())
        let executor = self.executor
        runningTasks[job.id] = Task {
            let outcome = await executor.execute(job)
            self.finished(job, outcome: outcome)
        }
    }

    private func finished(_ job: Job, outcome: JobOutcomeKind) {
        runningCount -= 1
        runningPerUser[job.user.key, default: 1] -= 1
        if runningPerUser[job.user.key] == 0 { runningPerUser[job.user.key] = nil }
        runningTasks[job.id] = nil
        let chat = job.address.chatKey
        lines[chat]?.running = nil
        if lines[chat]?.waiting.isEmpty == false {
            readyChats.append(chat)
        } else {
            lines[chat] = nil
        }
        notifyFinished(job, outcome)
        startReadyJobs()
    }

    private func startReadyJobs() {
        guard acceptingJobs else { return }
        // The first ready chat whose next job may take a slot; chats passed over keep their place.
        while runningCount < limits.maxConcurrent,
            let index = readyChats.firstIndex(where: { lines[$0]?.waiting.first.map(hasSlot(for:)) ?? true })
        {
            let chat = readyChats.remove(at: index)
            guard var line = lines[chat], line.running == nil, !line.waiting.isEmpty else { continue }
            let job = line.waiting.removeFirst()
            line.running = job
            lines[chat] = line
            start(job)
        }
    }

    private func removeQueued(_ jobID: String, reason: KillReason) {
        for (chat, line) in lines {
            guard let index = line.waiting.firstIndex(where: { $0.id == jobID }) else { continue }
            let job = line.waiting[index]
            lines[chat]?.waiting.remove(at: index)
            if lines[chat]?.waiting.isEmpty == true {
                readyChats.removeAll { $0 == chat }
                if lines[chat]?.running == nil { lines[chat] = nil }
            }
            discard(job, reason: reason)
            return
        }
    }

    private func discard(_ job: Job, reason: KillReason) {
        notifyFinished(job, reason.outcome)
        let executor = self.executor
        Task { await executor.discard(job, reason: reason) }
    }

    private func notifyFinished(_ job: Job, _ outcome: JobOutcomeKind) {
        for observer in finishedObservers { observer(job, outcome) }
    }

    private func row(_ job: Job, state: JobRunState, startedAt: Date, at time: Date, processes: Int) -> JobInfo {
        let usage = state.isRunning ? job.control.usage : nil
        return JobInfo(
            origin: job.origin, state: state, pid: state.isRunning ? job.control.pid.map(Int.init) : nil,
            startedAt: startedAt, elapsedSeconds: max(0, time.timeIntervalSince(startedAt)), processes: processes,
            sandboxed: sandboxed, cpuPercent: usage?.totalCPUPercent, rssBytes: usage?.totalResidentBytes)
    }
}
