import Foundation

/// A file a user sent, as the fake keeps it for `getFile` and the file URL.
package struct FakeTelegramHostedFile: Sendable {
    package var fileID: String
    /// The path `getFile` answers, e.g. `voice/file_3.oga`.
    package var path: String
    package var data: Data
}
