import Foundation
import Shared

extension SandboxProfile {
    /// The profile SPEC §12 asks for: writable workspace, HOME and `JOB_SANDBOX_RW`; hidden the env file, the state
    /// directory, the admin socket's directory, the lock directory (unless it is the system temp directory, which is
    /// private to the job anyway) and `JOB_SANDBOX_HIDE`.
    ///
    /// A daemon directory that is HOME, the workspace or above them cannot be covered whole without taking the job's
    /// own files away: then only the daemon's files in it are hidden. Paths that do not exist (yet) are skipped —
    /// bubblewrap cannot cover what is not there — so build the profile when a job starts.
    /// - Parameter home: the daemon user's HOME, the CLI's login and sessions.
    static func forJobs(settings: Settings, home: String?, systemTemporaryDirectory: String = "/tmp") -> SandboxProfile {
        let workspace = normalized(settings.workspacePath)
        let jobDirectories = [workspace] + (home.map { [normalized($0)] } ?? [])
        var writable: [String] = []
        for path in jobDirectories + settings.jobSandboxWritable.map(normalized) where !writable.contains(path) {
            writable.append(path)
        }
        var hidden: [HiddenPath] = []
        func hide(_ path: String) {
            guard let kind = kind(of: path), !hidden.contains(where: { $0.path == path }) else { return }
            hidden.append(kind)
        }
        /// The directory, or only `files` in it when the job's own directories lie in it.
        func hide(directory: String, files: [String]) {
            let directory = normalized(directory)
            if jobDirectories.contains(where: { contains(directory, $0) }) {
                files.forEach { hide(directory + "/" + $0) }
            } else {
                hide(directory)
            }
        }
        if let envFile = settings.envFilePath { hide(normalized(absolute(envFile))) }
        hide(directory: settings.stateDirectory, files: ["claudio.sqlite", "claudio.sqlite-wal", "claudio.sqlite-shm",
                                                          "claudio.sqlite-journal"])
        let socket = normalized(settings.adminSocketPath)
        hide(directory: (socket as NSString).deletingLastPathComponent, files: [(socket as NSString).lastPathComponent])
        if normalized(settings.lockDirectory) != normalized(systemTemporaryDirectory) {
            hide(directory: settings.lockDirectory, files: Platform.allCases.map(InstanceLock.fileName(for:)))
        }
        settings.jobSandboxHidden.map(normalized).forEach(hide)
        var profile = SandboxProfile(writable: writable, hidden: hidden, workingDirectory: workspace)
        profile.temporaryDirectory = normalized(systemTemporaryDirectory)
        if let mcpConfig = settings.mcpConfigPath { profile.makeReadable(mcpConfig) }
        return profile
    }

    /// Makes `path` (a file the job runs or reads) visible when it lies in the system temp directory, which the
    /// job's private `/tmp` covers: its directory is bound read-only, and so is the directory of the file a symlink
    /// leads to (the CLI installer links `claude` to a versioned binary).
    mutating func makeReadable(_ path: String) {
        let absolute = Self.absolute(path)
        let directories = [absolute, Self.normalized(absolute)].map { ($0 as NSString).deletingLastPathComponent }
        for directory in directories where Self.contains(temporaryDirectory, directory) && directory != temporaryDirectory {
            let covered = (readOnly + writable).contains { Self.contains($0, directory) }
            if !covered { readOnly.append(directory) }
        }
    }

    /// Whether `ancestor` is `path` or one of its parents.
    private static func contains(_ ancestor: String, _ path: String) -> Bool {
        ancestor == "/" || path == ancestor || path.hasPrefix(ancestor + "/")
    }

    private static func kind(of path: String) -> HiddenPath? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .directory(path) : .file(path)
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Symlinks resolved, so a hidden path is the one the job would reach.
    private static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
