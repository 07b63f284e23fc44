import Configuration
import SystemPackage

/// The process environment layered over an env file, as SPEC §2 prescribes: the environment wins.
///
/// The file is parsed by swift-configuration's `EnvironmentVariablesProvider`; on top of its `KEY=value` lines this
/// type accepts what operators commonly write in `.env` files: an `export ` prefix, single or double quotes around
/// a value, and a ` # comment` after an unquoted value.
public struct EnvironmentLayers: Sendable {
    public let processEnvironment: [String: String]
    /// The env file's path when one was read.
    public let filePath: String?
    private let file: EnvironmentVariablesProvider?

    /// - Parameters:
    ///   - processEnvironment: usually `ProcessInfo.processInfo.environment`.
    ///   - envFilePath: an explicit `--env-file`; it must exist. When nil, `./.env` is read if it exists.
    public static func load(processEnvironment: [String: String], envFilePath: String?) async throws(SettingsError)
        -> EnvironmentLayers
    {
        let path = envFilePath ?? ".env"
        let exists = FileChecks.isRegularFile(path)
        if envFilePath != nil, !exists {
            throw SettingsError([
                SettingsIssue(
                    variable: "--env-file", shownValue: path, problem: "the file does not exist or is not a regular file",
                    expected: "the path of a readable dotenv file, e.g. --env-file ./.env")
            ])
        }
        guard exists else {
            return EnvironmentLayers(processEnvironment: processEnvironment, filePath: nil, file: nil)
        }
        do {
            let provider = try await EnvironmentVariablesProvider(environmentFilePath: FilePath(path), allowMissing: false)
            return EnvironmentLayers(processEnvironment: processEnvironment, filePath: path, file: provider)
        } catch {
            throw SettingsError([
                SettingsIssue(
                    variable: "--env-file", shownValue: path, problem: "the file could not be read (\(error))",
                    expected: "a readable dotenv file")
            ])
        }
    }

    public init(processEnvironment: [String: String]) {
        self.init(processEnvironment: processEnvironment, filePath: nil, file: nil)
    }

    private init(processEnvironment: [String: String], filePath: String?, file: EnvironmentVariablesProvider?) {
        self.processEnvironment = processEnvironment
        self.filePath = filePath
        self.file = file
    }

    /// The effective value of `name`, or nil when unset or empty in both layers.
    public func value(_ name: String) -> (value: String, source: SettingValueSource)? {
        if let value = processEnvironment[name], !value.isEmpty {
            return (value, .environment)
        }
        if let value = fileValue(name), !value.isEmpty {
            return (value, .file)
        }
        return nil
    }

    /// The value the env file alone gives `name`, normalised (quotes and inline comments removed).
    public func fileValue(_ name: String) -> String? {
        guard let file else { return nil }
        let raw = (try? file.environmentValue(forName: name)) ?? (try? file.environmentValue(forName: "export " + name))
        return raw.flatMap { $0 }.map(Self.normalize)
    }

    /// Removes one level of matching quotes, or a trailing ` # comment` from an unquoted value.
    static func normalize(_ raw: String) -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == "\"" || first == "'" {
            if let closing = value.dropFirst().firstIndex(of: first) {
                let inner = String(value[value.index(after: value.startIndex)..<closing])
                return first == "\"" ? unescapeDoubleQuoted(inner) : inner
            }
        }
        if let comment = value.range(of: " #") {
            return String(value[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        return value
    }

    private static func unescapeDoubleQuoted(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
