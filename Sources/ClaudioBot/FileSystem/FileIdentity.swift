import Glibc

/// Which file a path named when it was looked at: its device and inode. A file is trusted, or removed, only while
/// the path still names the one that was checked — never a successor someone put there since.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The file at `path` now, without following a final symbolic link; nil when there is none.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
