import Foundation
import Logging
import Shared

/// Writes log lines to stderr with every configured secret replaced, so a token that slips into a message, an
/// error description or metadata never reaches the log.
struct RedactingLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    let label: String
    let redactor: Redactor

    init(label: String, level: Logger.Level, redactor: Redactor) {
        self.label = label
        self.logLevel = level
        self.redactor = redactor
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let timestamp = Date().formatted(.iso8601)
        let line = "\(timestamp) \(event.level.rawValue.uppercased()) \(label): \(event.message)\(details)\n"
        FileHandle.standardError.write(Data(redactor.redact(line).utf8))
    }

    /// Installs the handler process-wide; call once, before any logger is created.
    static func bootstrap(level: Logger.Level, secrets: [String]) {
        let redactor = Redactor(secrets: secrets)
        LoggingSystem.bootstrap { label in RedactingLogHandler(label: label, level: level, redactor: redactor) }
    }
}
