import Glibc

/// Makes sure the state directory exists and is usable before SQLite is asked to create files in it, so a failure
/// names the directory rather than surfacing as SQLite's generic "unable to open database file".
enum StateDirectory {
    /// Creates `path` with mode 0700 when missing (missing parents get the usual mode), and checks that this user can
    /// create files in it. An existing directory keeps its mode: the operator may have chosen it.
    static func prepare(_ path: String) throws(StateStoreError) {
        if let isDirectory = isDirectory(path) {
            guard isDirectory else { throw .notADirectory(path: path) }
        } else {
            if let code = makeDirectory(path, mode: 0o700) { throw .cannotCreateDirectory(path: path, errno: code) }
            // mkdir's mode is filtered by the umask; the state directory must end up exactly 0700.
            guard chmod(path, 0o700) == 0 else { throw .cannotCreateDirectory(path: path, errno: errno) }
        }
        guard access(path, W_OK | X_OK) == 0 else { throw .directoryNotWritable(path: path) }
    }

    /// - Returns: the `errno` of the first `mkdir` that failed, or nil.
    private static func makeDirectory(_ path: String, mode: mode_t) -> Int32? {
        let parent = parentPath(of: path)
        if !parent.isEmpty, parent != path, isDirectory(parent) == nil {
            // Parents are ordinary directories (e.g. ~/.local/state): default mode, filtered by the umask.
            if let code = makeDirectory(parent, mode: 0o777) { return code }
        }
        guard mkdir(path, mode) == 0 || errno == EEXIST else { return errno }
        return nil
    }

    /// nil when nothing exists at `path`.
    private static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    private static func parentPath(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
