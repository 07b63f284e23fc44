import Foundation

/// What the bench claude wrote to its log directory: one line per start, and the PIDs of each process tree.
struct BenchClaudeLog: Sendable {
    /// One claude start: the wall-clock time of its first instruction, its PID and the prompt's first line.
    struct Start: Sendable {
        let time: Date
        let pid: pid_t
        let prompt: String
    }

    let directory: String

    var starts: [Start] {
        let text = (try? String(contentsOfFile: directory + "/starts", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let seconds = Double(fields[0]), let pid = pid_t(fields[1]) else { return nil }
            return Start(time: Date(timeIntervalSince1970: seconds), pid: pid, prompt: String(fields[2]))
        }
    }

    /// Waits until at least `count` starts were noted (polled every 0.2 ms) and returns the `count`-th.
    func waitForStart(number count: Int, timeout: Duration = .seconds(30)) async throws -> Start {
        try await waitFor("claude start number \(count)", timeout: timeout, every: .microseconds(200)) {
            let starts = starts
            return starts.count >= count ? starts[count - 1] : nil
        }
    }

    /// Waits for the PID list of the process tree that the claude with `pid` built.
    func waitForTree(of pid: pid_t, timeout: Duration = .seconds(30)) async throws -> [pid_t] {
        try await waitFor("the process tree of claude \(pid)", timeout: timeout, every: .milliseconds(2)) {
            (try? String(contentsOfFile: directory + "/tree.\(pid)", encoding: .utf8))
                .map { text in text.split(separator: "\n").compactMap { pid_t($0) } }
        }
    }
}

extension BenchDaemon {
    var claude: BenchClaudeLog { BenchClaudeLog(directory: claudeLog) }
}
