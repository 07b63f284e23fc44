import Glibc

/// Stops every process of a job and leaves none behind.
///
/// SIGTERM goes to the root first — the real CLI then stops its own tools and exits 143 — and then to
/// every other member, since tools started with `setsid` are outside the root's process group and
/// survive the root's SIGKILL. Members are polled until none is live or the grace period ends; then
/// rounds of { rescan; SIGKILL every live member } repeat until none remains, so a process forked
/// during the kill is caught by the next rescan. Finally the root's exit status is awaited. When this
/// returns no member is alive: the zombies left are reaped by the `ChildReaper` (every orphan is
/// reparented to the daemon) or by their own parent.
struct ProcessTreeKiller<C: Clock<Duration>>: Sendable {
    /// Measures the grace period and paces the polling.
    let clock: C
    /// How long members may take to exit after SIGTERM (≤ 2 s by contract).
    var grace: Duration
    /// How often membership is rechecked during the grace period.
    var pollInterval: Duration
    /// Upper bound on SIGKILL rounds, so a pathological tree cannot keep the killer busy forever.
    var maxKillRounds: Int

    init(clock: C, grace: Duration = .seconds(2), pollInterval: Duration = .milliseconds(50), maxKillRounds: Int = 50) {
        self.clock = clock
        self.grace = grace
        self.pollInterval = pollInterval
        self.maxKillRounds = maxKillRounds
    }

    /// Kills the whole tree and waits for the root to be reaped. Cancelling the caller does not cut
    /// the kill short: leaving half a tree behind is never the right answer.
    func kill(_ tree: JobProcessTree) async -> KillReport {
        await Task { await performKill(tree) }.value
    }

    private func performKill(_ tree: JobProcessTree) async -> KillReport {
        let root = tree.root
        var signalled: Set<ProcessIdentity> = []
        var rootWasSignalled = false

        // The root goes through the reaper, which refuses once it is reaped and its PID may be reused.
        func send(_ signal: Int32, to member: ProcStat) -> Bool {
            member.identity == root.identity ? root.signal(signal) : Glibc.kill(member.pid, signal) == 0
        }
        func terminate(_ members: [ProcStat]) {
            for member in members where !signalled.contains(member.identity) && send(SIGTERM, to: member) {
                signalled.insert(member.identity)
            }
        }

        let members = await tree.refresh()
        if let rootMember = members.first(where: { $0.identity == root.identity }) {
            rootWasSignalled = send(SIGTERM, to: rootMember)
            if rootWasSignalled { signalled.insert(rootMember.identity) }
        }
        terminate(members)

        let deadline = clock.now.advanced(by: grace)
        var live = members
        while !live.isEmpty && clock.now < deadline {
            await pause(pollInterval)
            live = await tree.refresh()
            // Something started during the grace period is asked to stop too.
            terminate(live)
        }

        var neededSIGKILL = false
        var round = 0
        while !live.isEmpty && round < maxKillRounds {
            neededSIGKILL = true
            for member in live where send(SIGKILL, to: member) {
                signalled.insert(member.identity)
                if member.identity == root.identity { rootWasSignalled = true }
            }
            round += 1
            // SIGKILL is delivered asynchronously; give the kernel a moment before the rescan.
            await pause(.milliseconds(10))
            live = await tree.refresh()
        }

        let rootExit = await root.waitForExit()
        return KillReport(killedCount: signalled.count, rootWasSignalled: rootWasSignalled,
                          neededSIGKILL: neededSIGKILL, rootExit: rootExit)
    }

    private func pause(_ duration: Duration) async {
        try? await clock.sleep(for: duration)
    }
}

extension ProcessTreeKiller where C == ContinuousClock {
    init(grace: Duration = .seconds(2), pollInterval: Duration = .milliseconds(50), maxKillRounds: Int = 50) {
        self.init(clock: ContinuousClock(), grace: grace, pollInterval: pollInterval, maxKillRounds: maxKillRounds)
    }
}
