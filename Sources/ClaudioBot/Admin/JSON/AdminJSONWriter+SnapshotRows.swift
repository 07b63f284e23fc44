import Shared

/// The snapshot's rows, written key by key in the encoder's sorted order (see `SnapshotJSON`).
extension AdminJSONWriter {
    mutating func array<Element>(_ elements: [Element], _ write: (inout AdminJSONWriter, Element) throws -> Void) rethrows {
        ascii("[")
        for (index, element) in elements.enumerated() {
            if index > 0 { ascii(",") }
            try write(&self, element)
        }
        ascii("]")
    }

    /// A job row as `JobInfo.encode(to:)` writes it: its origin's keys and its own, merged and sorted.
    mutating func object(_ job: JobInfo) throws {
        ascii("{")
        key("chat_id", first: true)
        string(job.chatID)
        key("cpu_percent")
        try double(job.cpuPercent)
        key("elapsed_seconds")
        try double(job.elapsedSeconds)
        key("id")
        string(job.id)
        key("pid")
        int(job.pid)
        key("platform")
        string(job.platform.rawValue)
        key("processes")
        int(job.processes)
        key("prompt_excerpt")
        string(job.promptExcerpt)
        key("rss_bytes")
        int(job.rssBytes)
        key("sandboxed")
        bool(job.sandboxed)
        key("started_at")
        date(job.startedAt)
        key("state")
        string(job.state.rawValue)
        key("user_id")
        string(job.userID)
        key("username")
        string(job.username)
        ascii("}")
    }

    /// A rate-limit row as `RateLimitInfo.encode(to:)` writes it, keys sorted.
    mutating func object(_ row: RateLimitInfo) throws {
        ascii("{")
        key("cost_today_usd", first: true)
        try double(row.costTodayUSD)
        key("limit")
        int(row.limit)
        key("platform")
        string(row.platform.rawValue)
        key("rejected")
        int(row.rejected)
        key("reset_in_seconds")
        int(row.resetInSeconds)
        key("used")
        int(row.used)
        key("user_id")
        string(row.userID)
        key("username")
        string(row.username)
        key("window_seconds")
        try double(row.windowSeconds)
        ascii("}")
    }
}
