@testable import ClaudioBot

/// The test process's one `ChildReaper`: a process can run only one (its `waitid(P_ALL)` collects every
/// child), so every test that starts a process goes through this launcher.
enum TestReaper {
    static let shared: ChildReaper = {
        do {
            return try ChildReaper()
        } catch {
            fatalError("cannot start the child reaper: \(error)")
        }
    }()

    static var launcher: ProcessLauncher { ProcessLauncher(reaper: shared) }

    /// A PATH for fake executables that does not depend on the test runner's environment.
    static let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
}
