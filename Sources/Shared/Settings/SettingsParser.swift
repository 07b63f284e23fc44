import Foundation

/// Reads typed values out of `EnvironmentLayers`, collecting every problem instead of stopping at the first.
struct SettingsParser {
    let layers: EnvironmentLayers
    private(set) var issues: [SettingsIssue] = []
    private(set) var sources: [String: SettingValueSource] = [:]

    init(layers: EnvironmentLayers) {
        self.layers = layers
    }

    /// The raw effective value, recording its source; nil when unset or empty.
    mutating func raw(_ name: String) -> String? {
        guard let (value, source) = layers.value(name) else {
            sources[name] = .default
            return nil
        }
        sources[name] = source
        return value
    }

    mutating func report(_ name: String, value: String?, problem: String, expected: String) {
        let shown = value.map { SettingsVariable.secretNames.contains(name) ? Redactor.mask($0) : $0 }
        issues.append(SettingsIssue(variable: name, shownValue: shown, problem: problem, expected: expected))
    }

    mutating func string(_ name: String) -> String? {
        raw(name)?.trimmingCharacters(in: .whitespaces)
    }

    mutating func integer(_ name: String, default fallback: Int, minimum: Int) -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text) else {
            report(name, value: text, problem: "not a whole number", expected: "an integer ≥ \(minimum), e.g. \(fallback)")
            return fallback
        }
        guard value >= minimum else {
            report(name, value: text, problem: "too small", expected: "an integer ≥ \(minimum)")
            return fallback
        }
        return value
    }

    /// A number of seconds; `allowZero` decides between "> 0" and "≥ 0".
    mutating func seconds(_ name: String, default fallback: Double, allowZero: Bool) -> Double {
        let rule = allowZero ? "a number of seconds ≥ 0" : "a number of seconds > 0"
        guard let text = string(name) else { return fallback }
        guard let value = Double(text), value.isFinite else {
            report(name, value: text, problem: "not a number", expected: "\(rule), e.g. \(SecondsText.format(fallback))")
            return fallback
        }
        guard allowZero ? value >= 0 : value > 0 else {
            report(name, value: text, problem: "out of range", expected: rule)
            return fallback
        }
        return value
    }

    /// An amount of US dollars ≥ 0.
    mutating func dollars(_ name: String, default fallback: Double) -> Double {
        let rule = "an amount of US dollars ≥ 0, e.g. 5 or 0.50 (0 means none)"
        guard let text = string(name) else { return fallback }
        guard let value = Double(text.hasPrefix("$") ? String(text.dropFirst()) : text), value.isFinite else {
            report(name, value: text, problem: "not a number", expected: rule)
            return fallback
        }
        guard value >= 0 else {
            report(name, value: text, problem: "out of range", expected: rule)
            return fallback
        }
        return value
    }

    mutating func boolean(_ name: String, default fallback: Bool) -> Bool {
        guard let text = string(name) else { return fallback }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default:
            report(name, value: text, problem: "not a boolean", expected: "true or false (also 1/0, yes/no, on/off)")
            return fallback
        }
    }

    /// Comma-separated entries; spaces around entries and empty entries (trailing commas) are tolerated.
    mutating func list(_ name: String) -> [String] {
        guard let text = raw(name) else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    mutating func telegramUserIDs(_ name: String) -> Set<Int64> {
        let entries = list(name)
        let bad = entries.filter { Int64($0) == nil }
        if !bad.isEmpty {
            let quoted = bad.map { "\"\($0)\"" }.joined(separator: ", ")
            report(
                name, value: entries.joined(separator: ","),
                problem: "\(bad.count == 1 ? "entry" : "entries") \(quoted) \(bad.count == 1 ? "is" : "are") not a numeric Telegram user ID",
                expected: "comma-separated numeric IDs, e.g. \(name)=123456789,987654321 (send /myid to the bot to learn yours)")
        }
        return Set(entries.compactMap { Int64($0) })
    }

    mutating func slackUserIDs(_ name: String) -> Set<String> {
        let entries = list(name)
        let bad = entries.filter { !Self.isSlackUserID($0) }
        if !bad.isEmpty {
            let quoted = bad.map { "\"\($0)\"" }.joined(separator: ", ")
            report(
                name, value: entries.joined(separator: ","),
                problem: "\(quoted) \(bad.count == 1 ? "is not a Slack user ID" : "are not Slack user IDs")",
                expected: "comma-separated Slack user IDs starting with U or W, e.g. \(name)=U01ABCDEF,W02GHIJKL")
        }
        return Set(entries.filter(Self.isSlackUserID))
    }

    mutating func url(_ name: String, default fallback: String) -> String {
        guard let text = string(name) else { return fallback }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            report(name, value: text, problem: "not an http(s) URL", expected: "a URL such as \(fallback)")
            return fallback
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    static func isSlackUserID(_ text: String) -> Bool {
        guard let first = text.first, first == "U" || first == "W", text.count >= 3 else { return false }
        return text.allSatisfy { ($0.isASCII && $0.isUppercase) || ($0.isASCII && $0.isNumber) }
    }
}
