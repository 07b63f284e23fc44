import Foundation

/// The demo's scratch directory: the daemon's state, socket, locks, workspace, home, env file and log, all removed
/// when the demo ends.
struct DemoWorkspace: Sendable {
    let root: String

    var envFile: String { root + "/demo.env" }
    var socketPath: String { root + "/run/admin.sock" }
    var logPath: String { root + "/daemon.log" }
    var workspace: String { root + "/workspace" }
    var home: String { root + "/home" }

    /// Creates a private directory under the system's temporary directory.
    static func create() throws(DemoFailure) -> DemoWorkspace {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/claudio-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw DemoFailure("could not create a scratch directory in \(base): \(String(cString: strerror(errno)))")
        }
        let workspace = DemoWorkspace(root: String(cString: made))
        do {
            for directory in [workspace.workspace, workspace.home, workspace.root + "/state"] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            workspace.remove()
            throw DemoFailure("could not prepare \(workspace.root): \(error)")
        }
        return workspace
    }

    /// Writes the daemon's settings: the fake Telegram, the scripted users' allowlist, the scripted claude, and every
    /// path inside this directory. Tool requests are asked (SKIP_PERMISSIONS=false) so the Approvals panel shows.
    func writeEnvFile(telegramURL: String, token: String, claude: String, allowed: [Int64]) throws(DemoFailure) {
        let settings = [
            "# Written by claudio-demo; removed when it ends.",
            "TELEGRAM_BOT_TOKEN=\(token)",
            "TELEGRAM_API_BASE_URL=\(telegramURL)",
            "ALLOWED_USER_IDS=\(allowed.map(String.init).joined(separator: ","))",
            "CLAUDE_CLI_PATH=\(claude)",
            "WORKSPACE_PATH=\(workspace)",
            "CLAUDIO_STATE_DIR=\(root)/state",
            "CLAUDIO_ADMIN_SOCKET=\(socketPath)",
            "CLAUDIO_LOCK_DIR=\(root)",
            "SKIP_PERMISSIONS=false",
            "APPROVAL_TIMEOUT=300",
            "COMMAND_TIMEOUT=900",
            "RATE_LIMIT_REQUESTS=30",
            "LOG_LEVEL=info",
        ]
        do {
            try (settings.joined(separator: "\n") + "\n").write(toFile: envFile, atomically: true, encoding: .utf8)
        } catch {
            throw DemoFailure("could not write \(envFile): \(error)")
        }
    }

    /// The daemon's whole environment: nothing of the demo's own (no token or base URL exported in the operator's
    /// shell can point it at the real Telegram), only what a process needs plus the env file's settings.
    var daemonEnvironment: [String: String] {
        ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "TMPDIR": root]
    }

    /// The last lines of the daemon's log, for a failure message.
    func logTail(lines count: Int = 15) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(count).joined(separator: "\n")
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
