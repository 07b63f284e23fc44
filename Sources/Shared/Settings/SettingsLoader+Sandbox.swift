import Foundation

/// The job-containment settings of SPEC §12: `JOB_SANDBOX`, `JOB_SANDBOX_RW`, `JOB_SANDBOX_HIDE`,
/// `JOB_ENV_PASSTHROUGH`.
extension SettingsLoader {
    struct SandboxSettings {
        var mode: JobSandboxMode = .auto
        var writable: [String] = []
        var hidden: [String] = []
        var environmentPassthrough: [String] = []
    }

    static func parseSandbox(_ parser: inout SettingsParser, home: String?) -> SandboxSettings {
        typealias V = SettingsVariable
        var sandbox = SandboxSettings()
        if let text = parser.string(V.jobSandbox) {
            if let mode = JobSandboxMode(rawValue: text.lowercased()) {
                sandbox.mode = mode
            } else {
                parser.report(V.jobSandbox, value: text, problem: "unknown sandbox mode", expected: "auto, bwrap or off")
            }
        }
        sandbox.writable = paths(V.jobSandboxRW, parser: &parser, home: home)
        for path in sandbox.writable where !FileChecks.isDirectory(path) && !FileChecks.isRegularFile(path) {
            parser.report(
                V.jobSandboxRW, value: path, problem: "the path does not exist",
                expected: "existing absolute paths a job may write, comma-separated (create them first)")
        }
        sandbox.hidden = paths(V.jobSandboxHide, parser: &parser, home: home)
        let names = parser.list(V.jobEnvPassthrough)
        let bad = names.filter { !isEnvironmentPattern($0) }
        if !bad.isEmpty {
            parser.report(
                V.jobEnvPassthrough, value: bad.joined(separator: ","), problem: "not environment variable names",
                expected: "names such as GITHUB_TOKEN or prefix patterns such as AWS_*, comma-separated")
        }
        sandbox.environmentPassthrough = names.filter(isEnvironmentPattern)
        return sandbox
    }

    /// Absolute paths, `~` and `~/…` meaning HOME; anything else is reported.
    private static func paths(_ name: String, parser: inout SettingsParser, home: String?) -> [String] {
        var result: [String] = []
        for entry in parser.list(name) {
            var path = entry
            if let home, path == "~" || path.hasPrefix("~/") { path = home + path.dropFirst() }
            guard path.hasPrefix("/") else {
                parser.report(
                    name, value: entry, problem: "not an absolute path",
                    expected: "absolute paths (or ~/…), comma-separated")
                continue
            }
            result.append((path as NSString).standardizingPath)
        }
        return result
    }

    /// `NAME` or `PREFIX_*`: letters, digits and underscores, not starting with a digit; a trailing `*` matches any
    /// rest.
    static func isEnvironmentPattern(_ text: String) -> Bool {
        let name = text.hasSuffix("*") ? text.dropLast() : Substring(text)
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
