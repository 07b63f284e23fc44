import Glibc
@testable import ClaudioBot

extension LaunchedProcess {
    /// Waits for the exit, but SIGKILLs the process if it has not exited after `limit`, so a failing
    /// test reports a wrong status instead of hanging.
    func waitForExit(killingAfter limit: Duration) async -> ExitStatus {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                guard (try? await Task.sleep(for: limit)) != nil else { return }
                signal(SIGKILL)
            }
            let status = await waitForExit()
            group.cancelAll()
            return status
        }
    }
}
