import Glibc

/// Why a file in a directory other users may write is not one the daemon can trust as its own (SPEC §18): a link
/// planted to make it write elsewhere, something that is not a plain file, or another user's file.
enum FileTrustProblem: Sendable, Equatable, CustomStringConvertible {
    case symbolicLink
    /// A directory, FIFO, socket or device; `kind` says which.
    case notRegularFile(kind: String)
    case foreignOwner(uid: UInt32, expected: UInt32)
    /// A second name elsewhere (a hard link) means writing it writes that other file too.
    case hardLinks(count: Int)

    /// The first problem with the file `info` describes (from `lstat` or `fstat`), or nil when it is a regular file
    /// owned by `owner` with one link.
    init?(_ info: stat, owner: uid_t) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: self = .symbolicLink; return
        case S_IFDIR: self = .notRegularFile(kind: "a directory"); return
        case S_IFIFO: self = .notRegularFile(kind: "a FIFO"); return
        case S_IFSOCK: self = .notRegularFile(kind: "a socket"); return
        default: self = .notRegularFile(kind: "a device"); return
        }
        if info.st_uid != owner {
            self = .foreignOwner(uid: info.st_uid, expected: owner)
        } else if info.st_nlink != 1 {
            self = .hardLinks(count: Int(info.st_nlink))
        } else {
            return nil
        }
    }

    var description: String {
        switch self {
        case .symbolicLink: "is a symbolic link"
        case .notRegularFile(let kind): "is not a regular file but \(kind)"
        case .foreignOwner(let uid, let expected): "is owned by uid \(uid), not by Claudio's user (uid \(expected))"
        case .hardLinks(let count): "has \(count) hard links"
        }
    }
}
