import Glibc

/// Resolves a command name to the absolute path `posix_spawn` needs, the way a shell would.
enum ExecutableLocator {
    /// glibc's `execvp` fallback when PATH is unset.
    static let defaultSearchPath = "/bin:/usr/bin"

    /// - Parameters:
    ///   - name: a bare name (`claude`), or a path containing `/` that is checked as is.
    ///   - searchPath: a PATH value; nil means `defaultSearchPath`. Empty and relative entries are
    ///     skipped: a daemon must not run whatever happens to sit in its working directory.
    /// - Returns: the absolute path of an executable regular file, or nil.
    static func locate(_ name: String, searchPath: String?) -> String? {
        guard !name.isEmpty else { return nil }
        if name.contains("/") {
            let path = name.hasPrefix("/") ? name : currentDirectory().map { "\($0)/\(name)" }
            return path.flatMap { isExecutableFile($0) ? $0 : nil }
        }
        for directory in (searchPath ?? defaultSearchPath).split(separator: ":") where directory.hasPrefix("/") {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a regular file (after following links) that this process may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    private static func currentDirectory() -> String? {
        guard let pointer = getcwd(nil, 0) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
