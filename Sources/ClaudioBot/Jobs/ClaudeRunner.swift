import Foundation
import Shared

/// Starts one `claude -p` process for a job, talks the control protocol with it over stdin (the prompt, then answers
/// to what it asks), reads its stream-json output and controls its whole process tree (timeout and kills go through
/// the job's `JobControl`).
struct ClaudeRunner: Sendable {
    /// Launches, counts and kills the job's processes.
    let supervisor: any ProcessSupervisor
    let settings: Settings
    /// The resolved CLI path (see `ClaudeCLIProbe`).
    let executablePath: String
    /// What claude is started with (plus its `CLAUDIO_JOB_ID`): the daemon builds it with `JobEnvironment`, so the
    /// operator configures the CLI the usual way without handing it the daemon's secrets.
    let environment: [String: String]
    /// Reads what the job's processes use at each refresh, for the job's page and the Jobs panel (SPEC §17).
    var sampler: any JobProcessSampler = ProcJobProcessSampler()
    /// Times `COMMAND_TIMEOUT`, the process-count refreshes and the output drain.
    var clock: AnyClock = .continuous
    /// How often the job's process count is refreshed: feeds the admin API, and remembers members so a
    /// double-forked process that scrubbed its environment is still found at kill time.
    var refreshInterval: Duration = .seconds(1)
    /// How long stdout may stay open after claude exited and its leftovers were killed.
    var drainTimeout: Duration = .seconds(2)

    /// Runs claude once.
    /// - Parameters:
    ///   - tag: the process-tree tag (`CLAUDIO_JOB_ID`) of this attempt.
    ///   - questions: answers claude's control requests (tool approvals, Claudio's MCP server).
    ///   - onProgress: called with the latest activity summary whenever it changes.
    func run(
        prompt: String, resumeSessionID: String?, tag: String, control: JobControl,
        questions: any ClaudeControlHandler = RefusingControlHandler(),
        onProgress: @escaping @Sendable (String) async -> Void
    ) async throws(SupervisorError) -> ClaudeRunReport {
        let invocation = ClaudeInvocation(executable: executablePath, settings: settings, resumeSessionID: resumeSessionID)
        let tree = try supervisor.launch(
            LaunchRequest(
                executablePath: invocation.executable, arguments: invocation.arguments, environment: environment,
                workingDirectory: settings.workspacePath, standardInput: .pipe, standardOutput: .capture,
                standardError: .capture),
            tag: tag)
        let process = tree.root
        await control.attach(tree, supervisor: supervisor, startedAt: Date())
        // Written on the event loops alongside reading the output, never awaited: a long prompt and a chatty claude
        // could otherwise deadlock on pipes.
        let conversation = ClaudeConversation(input: process.openStandardInput(), handler: questions)
        conversation.start(prompt: prompt, sdkMcpServers: [ClaudioMCPServer.name])

        let (clock, supervisor, sampler) = (clock, supervisor, sampler)
        let timeout = settings.commandTimeout
        let watchdog = Task {
            try await clock.sleep(for: .seconds(timeout))
            _ = await control.kill(.timeout)
        }
        let interval = refreshInterval
        let refresher = Task {
            while !Task.isCancelled {
                control.updateProcessCount(await supervisor.processCount(of: tree))
                // The count just refreshed the tree's members: the sample reads those and searches for nothing.
                control.updateUsage(await sampler.sample(tree, after: control.usage))
                try await clock.sleep(for: interval)
            }
        }
        let errors = Task {
            var tail = StderrTail()
            for await chunk in process.standardError { tail.append(chunk) }
            return tail
        }
        let output = Task {
            await Self.read(process.standardOutput, conversation: conversation, control: control, onProgress: onProgress)
        }

        let exit = await process.waitForExit()
        conversation.end()
        watchdog.cancel()
        refresher.cancel()
        // Its last sample must not land after the one that says the processes are gone.
        _ = await refresher.result
        // Whatever claude left running (a background command of its Bash tool) dies with the job.
        _ = await supervisor.kill(tree)
        control.updateProcessCount(0)
        control.updateUsage(nil)
        let transcript = await Self.value(of: output, within: drainTimeout, on: clock) ?? ClaudeTranscript()
        let tail = await Self.value(of: errors, within: drainTimeout, on: clock) ?? StderrTail()
        return ClaudeRunReport(
            transcript: transcript, exit: exit, stderrTail: tail.rendered(), killReason: control.killReason)
    }

    private static func read(
        _ stream: AsyncStream<[UInt8]>, conversation: ClaudeConversation, control: JobControl,
        onProgress: @Sendable (String) async -> Void
    ) async -> ClaudeTranscript {
        var splitter = StreamJSONLineSplitter()
        var transcript = ClaudeTranscript()
        var lastProgress: String?
        for await chunk in stream {
            for line in splitter.append(chunk) {
                for event in transcript.consume(line: line) {
                    conversation.observe(event)
                    if let noted = JobActivityEvent(event, at: Date()) { control.activity.record(noted) }
                    if case .result(let result) = event, let cost = result.totalCostUSD { control.noteCost(cost) }
                }
            }
            if let progress = transcript.latestProgress, progress != lastProgress {
                lastProgress = progress
                await onProgress(progress)
            }
        }
        if let line = splitter.finish() {
            transcript.consume(line: line)
        }
        return transcript
    }

    /// The task's value, or nil when it does not finish in time (a pipe held open by a process outside the tree).
    private static func value<T: Sendable>(of task: Task<T, Never>, within limit: Duration, on clock: AnyClock) async
        -> T?
    {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await task.value }
            group.addTask {
                try? await clock.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
