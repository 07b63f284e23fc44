/// Why an upload could not be saved in the workspace. The description completes "Could not receive the file …: ".
enum UploadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A folder on the way (the workspace, `uploads`, the day's) could not be opened or created.
    case folder(path: String, reason: String)
    /// The file itself could not be created or written.
    case file(name: String, reason: String)

    var description: String {
        switch self {
        case .folder(let path, let reason): "the folder \(path) cannot be used (\(reason)); ask the operator to check it"
        case .file(let name, let reason): "\(name) could not be written (\(reason))"
        }
    }
}
