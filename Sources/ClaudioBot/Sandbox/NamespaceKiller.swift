import Glibc

/// Stops a sandboxed job: every one of its processes lives in its own PID namespace, so nothing can escape by
/// `setsid`, double-forking or clearing its environment.
///
/// The tree is bubblewrap (outside) → bubblewrap's init (PID 1 of the namespace) → claude. SIGTERM goes to claude
/// first — the real CLI then stops its own tools and exits, bubblewrap's init follows it and the kernel ends the
/// namespace. If anything is still there after the grace period, SIGKILL to the namespace's init makes the kernel
/// kill every other process in it, including ones forked during the kill.
struct NamespaceKiller<C: Clock<Duration>>: Sendable {
    let clock: C
    /// How long claude may take to exit after SIGTERM (≤ 2 s by contract).
    var grace: Duration = .seconds(2)
    /// How often the namespace is rechecked during the grace period.
    var pollInterval: Duration = .milliseconds(50)

    /// Kills the namespace and waits for bubblewrap to be reaped. Cancelling the caller does not cut it short.
    func kill(_ tree: JobProcessTree) async -> KillReport {
        await Task { await performKill(tree) }.value
    }

    private func performKill(_ tree: JobProcessTree) async -> KillReport {
        let root = tree.root
        let members = await tree.refresh()
        guard !members.isEmpty else {
            return KillReport(
                killedCount: 0, rootWasSignalled: false, neededSIGKILL: false, rootExit: await root.waitForExit())
        }
        let namespaceInit = members.first { $0.parentPID == root.pid }
        let command = namespaceInit.flatMap { initProcess in members.first { $0.parentPID == initProcess.pid } }
        if let command {
            _ = Glibc.kill(command.pid, SIGTERM)
        }
        let deadline = clock.now.advanced(by: command == nil ? .zero : grace)
        var live = members
        while !live.isEmpty && clock.now < deadline {
            try? await clock.sleep(for: pollInterval)
            live = await tree.refresh()
        }
        var neededSIGKILL = false
        if !live.isEmpty {
            neededSIGKILL = true
            if let namespaceInit, live.contains(where: { $0.identity == namespaceInit.identity }) {
                _ = Glibc.kill(namespaceInit.pid, SIGKILL)
            }
            root.signal(SIGKILL)
        }
        let rootExit = await root.waitForExit()
        // The kernel has ended the namespace once its init is gone; whatever is left (there should be nothing) is a
        // member found outside it, killed one by one.
        for _ in 0..<20 {
            live = await tree.refresh()
            if live.isEmpty { break }
            neededSIGKILL = true
            for member in live { _ = Glibc.kill(member.pid, SIGKILL) }
            try? await clock.sleep(for: .milliseconds(10))
        }
        return KillReport(
            killedCount: members.count, rootWasSignalled: command != nil || neededSIGKILL,
            neededSIGKILL: neededSIGKILL, rootExit: rootExit)
    }
}
