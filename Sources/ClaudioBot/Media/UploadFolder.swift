import Foundation
import Glibc

/// Where files from the chat go (SPEC §15): `<WORKSPACE_PATH>/uploads/<YYYY-MM-DD>/<name>`, the day in UTC.
///
/// Nothing is ever overwritten: each name is created exclusively (`O_CREAT | O_EXCL`), and a name that is taken moves
/// on to `name-2.ext`, `name-3.ext`…, so two uploads of the same name at the same moment still get a file each.
/// The folders are opened one level at a time without following symbolic links: a job may write in the workspace,
/// and a link it planted as `uploads` must not send the daemon's writes somewhere else. Files are the daemon user's
/// alone (0600 in 0700 folders); claude runs as that user.
struct UploadFolder: Sendable {
    static let folderName = "uploads"
    /// Numbered names tried before giving up.
    private static let maxAttempts = 1000

    /// `WORKSPACE_PATH`.
    let workspacePath: String
    /// The moment an upload is filed under (its day, a photo's name); the wall clock, as it is what people read.
    var now: @Sendable () -> Date = { Date() }

    /// Writes `data` under a safe form of `suggestedName` (a photo's under `photo-<HHMMSS>.jpg`), on a thread of its
    /// own so the cooperative pool never waits on the disk.
    /// - Returns: the path relative to the workspace, e.g. `uploads/2025-03-01/report.pdf`.
    func save(_ data: Data, suggestedName: String?, isPhoto: Bool) async throws(UploadError) -> String {
        let moment = now()
        let name = isPhoto ? Self.photoName(at: moment) : suggestedName.flatMap(SafeFileName.from) ?? "file"
        let day = Self.utcFormat("yyyy-MM-dd", moment)
        let workspace = workspacePath
        let result = await BlockingCall.run(name: "claudio-upload") { () -> Result<String, UploadError> in
            Result { () throws(UploadError) -> String in
                let created = try Self.write(data, in: workspace, day: day, name: name)
                return [Self.folderName, day, created].joined(separator: "/")
            }
        }
        return try result.get()
    }

    static func photoName(at moment: Date) -> String {
        "photo-\(utcFormat("HHmmss", moment)).jpg"
    }

    private static func utcFormat(_ format: String, _ moment: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter.string(from: moment)
    }

    // MARK: - On the upload thread

    private static func write(_ data: Data, in workspace: String, day: String, name: String) throws(UploadError)
        -> String
    {
        let root = open(workspace, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw .folder(path: workspace, reason: errnoText()) }
        defer { close(root) }
        let uploads = try openFolder(folderName, in: root, shownAs: workspace + "/" + folderName)
        defer { close(uploads) }
        let dayFolder = try openFolder(day, in: uploads, shownAs: "\(workspace)/\(folderName)/\(day)")
        defer { close(dayFolder) }
        for attempt in 1...maxAttempts {
            let candidate = SafeFileName.numbered(name, attempt)
            let file = openat(dayFolder, candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if file < 0 {
                if errno == EEXIST { continue }
                throw .file(name: candidate, reason: errnoText())
            }
            defer { close(file) }
            if let reason = writeAll(data, to: file) {
                unlinkat(dayFolder, candidate, 0)
                throw .file(name: candidate, reason: reason)
            }
            return candidate
        }
        throw .file(name: name, reason: "\(maxAttempts) files of that name exist already today")
    }

    /// The folder `name` inside `parent`, created when missing; a link or anything but a folder is refused.
    private static func openFolder(_ name: String, in parent: Int32, shownAs path: String) throws(UploadError) -> Int32 {
        if mkdirat(parent, name, 0o700) != 0, errno != EEXIST {
            throw .folder(path: path, reason: errnoText())
        }
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else {
            let reason = errno == ELOOP || errno == ENOTDIR ? "it is not a folder (a link?)" : errnoText()
            throw .folder(path: path, reason: reason)
        }
        return folder
    }

    /// Nil once every byte is written; else why not.
    private static func writeAll(_ data: Data, to file: Int32) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                offset += written
            }
            return nil
        }
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
