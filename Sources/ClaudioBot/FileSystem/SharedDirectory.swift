import Glibc

/// Directories other local users may write into, where Claudio keeps files whose names anyone can predict.
enum SharedDirectory {
    /// Whether every user may create, rename and delete entries in `path`: writable by "other" without the sticky
    /// bit (which, as on `/tmp`, limits renaming and deleting to each entry's owner). There anyone can swap a file
    /// Claudio created for one of their own between two of Claudio's system calls.
    static func letsAnyoneReplaceFiles(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IWOTH != 0 && info.st_mode & S_ISVTX == 0
    }
}
