import Foundation
import Glibc
import Shared

/// Reads a file of the workspace for `send_file` (SPEC §14). The daemon reads it, outside the job's sandbox, and the
/// path comes from the model, so it is treated as hostile:
///
/// - a relative path is taken from `WORKSPACE_PATH`; a path that leads out of it as written (`../x`, `/etc/x`) is
///   refused before anything is looked up, so nothing is learned about files outside;
/// - links are resolved, and the real path must still lie inside the workspace's real path (a link inside that
///   points inside is fine) and outside what jobs are never shown (`hiddenPaths`: the env file, the state database,
///   `JOB_SANDBOX_HIDE`… — the default workspace is the folder that holds `.env`);
/// - the real path is then opened one folder at a time from `/` following no link, so a folder swapped for a link
///   after it was resolved is refused rather than followed; the file's type is checked before it is opened for
///   reading (a FIFO would block, a device could act), and its size and type are checked again on the opened file,
///   which is the one read: nothing can change between the check and the read;
/// - at most `maxBytes` are read, also when the file grows meanwhile.
///
/// The work happens on a thread of its own, never on the cooperative pool.
struct WorkspaceFileReader: Sendable {
    /// `WORKSPACE_PATH`.
    let workspacePath: String
    /// `MAX_SEND_FILE_BYTES`.
    let maxBytes: Int
    /// Files and folders jobs must not see, links resolved: never sent, even from inside the workspace. Worked out
    /// on the reading thread, as it looks at the disk.
    let hiddenPaths: @Sendable () -> [String]

    /// Reads within `settings`' workspace and limit, keeping back what the job sandbox hides (SPEC §12) whether or
    /// not the sandbox is in force: the tool runs in the daemon, which sees them all.
    init(settings: Settings) {
        workspacePath = settings.workspacePath
        maxBytes = settings.maxSendFileBytes
        hiddenPaths = { SandboxProfile.forJobs(settings: settings, home: nil).hidden.map(\.path) }
    }

    init(workspacePath: String, maxBytes: Int, hiddenPaths: [String] = []) {
        self.workspacePath = workspacePath
        self.maxBytes = maxBytes
        self.hiddenPaths = { hiddenPaths }
    }

    /// The bytes of the file at `path`.
    func read(_ path: String) async throws(SendFileRefusal) -> Data {
        let (workspace, maxBytes, hidden) = (workspacePath, maxBytes, hiddenPaths)
        let result = await BlockingCall.run(name: "claudio-send-file") { () -> Result<Data, SendFileRefusal> in
            Result { () throws(SendFileRefusal) -> Data in
                try Self.read(path, workspace: workspace, maxBytes: maxBytes, hidden: hidden())
            }
        }
        return try result.get()
    }

    // MARK: - On the reading thread

    private static func read(_ path: String, workspace: String, maxBytes: Int, hidden: [String])
        throws(SendFileRefusal) -> Data
    {
        guard !path.utf8.contains(0) else { throw .notFound }
        guard let root = realPath(workspace) else { throw .unreadable(reason: "the workspace: \(errnoText())") }
        // A relative path starts where claude works: the workspace, whichever way its path is spelled.
        let requested = path.hasPrefix("/") ? path : root + "/" + path
        let written = normalized(requested)
        let spelled = normalized(workspace.hasPrefix("/") ? workspace : root)
        guard isInside(written, root) || isInside(written, spelled) else { throw .outsideWorkspace }
        guard let real = realPath(requested) else {
            let code = errno
            throw code == ENOENT || code == ENOTDIR ? .notFound : .unreadable(reason: errnoText(code))
        }
        guard isInside(real, root) else { throw .outsideWorkspace }
        guard !hidden.contains(where: { isInside(real, $0) }) else { throw .hiddenFromJobs }

        let (folder, name) = try openFolder(of: real)
        defer { close(folder) }
        let expected = try regularFile(named: name, in: folder, maxBytes: maxBytes)
        // O_NONBLOCK: should a FIFO have taken the file's place since, opening it does not wait for a writer.
        let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard file >= 0 else { throw refusal(opening: errno) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw .unreadable(reason: errnoText()) }
        guard FileIdentity(info) == expected, info.st_mode & S_IFMT == S_IFREG else { throw .changedWhileOpening }
        guard info.st_size <= maxBytes else { throw .tooLarge(bytes: Int(info.st_size), max: maxBytes) }
        return try readAll(file, expecting: Int(info.st_size), maxBytes: maxBytes)
    }

    /// The folder holding `real` (absolute, without links, `.` or `..`), opened one component at a time from `/`
    /// without following a link, and the file's name in it.
    private static func openFolder(of real: String) throws(SendFileRefusal) -> (folder: Int32, name: String) {
        let components = real.split(separator: "/").map(String.init)
        guard let name = components.last else { throw .notRegularFile }
        // O_PATH: a folder that may be searched but not listed can still be passed through.
        var folder = open("/", openPath | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw .unreadable(reason: errnoText()) }
        for component in components.dropLast() {
            let next = openat(folder, component, openPath | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(folder)
            guard next >= 0 else { throw refusal(opening: code) }
            folder = next
        }
        return (folder, name)
    }

    /// The identity of `name` in `folder` after checking, without opening it for reading, that it is a regular file
    /// of at most `maxBytes`.
    private static func regularFile(named name: String, in folder: Int32, maxBytes: Int) throws(SendFileRefusal)
        -> FileIdentity
    {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { throw refusal(opening: errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw .changedWhileOpening
        default: throw .notRegularFile
        }
        guard info.st_size <= maxBytes else { throw .tooLarge(bytes: Int(info.st_size), max: maxBytes) }
        return FileIdentity(info)
    }

    private static func readAll(_ file: Int32, expecting size: Int, maxBytes: Int) throws(SendFileRefusal) -> Data {
        var data = Data()
        data.reserveCapacity(size)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: errnoText())
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > maxBytes {
                var info = stat()
                let now = fstat(file, &info) == 0 ? max(Int(info.st_size), data.count) : data.count
                throw .tooLarge(bytes: now, max: maxBytes)
            }
        }
    }

    private static func refusal(opening code: Int32) -> SendFileRefusal {
        switch code {
        case ENOENT: .notFound
        // Every component of a real path is a folder and no link: one that is no longer was replaced.
        case ELOOP, ENOTDIR: .changedWhileOpening
        default: .unreadable(reason: errnoText(code))
        }
    }

    /// Linux's `O_PATH`, which Glibc's Swift module leaves out (it is behind `_GNU_SOURCE`).
    private static let openPath: Int32 = 0o10_000_000

    // MARK: - Paths

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` (absolute) with `.`, `..` and repeated slashes worked out as written, following no link.
    static func normalized(_ path: String) -> String {
        var kept: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = kept.popLast()
            default: kept.append(component)
            }
        }
        return "/" + kept.joined(separator: "/")
    }

    /// Whether `path` is `folder` or lies under it; both absolute and normalized.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }

    private static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
