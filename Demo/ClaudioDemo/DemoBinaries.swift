import Foundation

/// What the demo runs: `claudio` and `claudio-tui` from its own build directory, and the scripted claude from the
/// source tree.
struct DemoBinaries: Sendable {
    let claudio: String
    let console: String
    let fakeClaude: String

    static func locate() throws(DemoFailure) -> DemoBinaries {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let binaries = DemoBinaries(
            claudio: directory.appendingPathComponent("claudio").path,
            console: directory.appendingPathComponent("claudio-tui").path,
            // Demo/ClaudioDemo/DemoBinaries.swift → Tests/FakeClaude/fake-claude.
            fakeClaude: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Tests/FakeClaude/fake-claude").path)
        for path in [binaries.claudio, binaries.console] where !FileManager.default.isExecutableFile(atPath: path) {
            throw DemoFailure(
                "\(path) is missing: build it first (`swift build --product claudio`, `--product claudio-tui`), "
                    + "or run `make demo`")
        }
        guard FileManager.default.isExecutableFile(atPath: binaries.fakeClaude) else {
            throw DemoFailure("the scripted claude is not at \(binaries.fakeClaude): run the demo from its source tree")
        }
        return binaries
    }
}
