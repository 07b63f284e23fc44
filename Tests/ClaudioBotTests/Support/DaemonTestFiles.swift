@testable import ClaudioBot

/// What one end-to-end test of the daemon itself needs on disk: a scratch directory (state, locks, socket,
/// workspace) and a fake claude, removed together.
struct DaemonTestFiles: Sendable {
    let directory: ScratchDirectory
    let fake: FakeClaude

    init() throws {
        directory = try ScratchDirectory()
        fake = try FakeClaude()
    }

    /// The environment of an offline daemon in this directory (`DaemonProcess.offlineEnvironment`).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        DaemonProcess.offlineEnvironment(in: directory, fake: fake, extra: extra)
    }

    func remove() {
        directory.remove()
        fake.remove()
    }
}
