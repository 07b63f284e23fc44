import Shared

/// The snapshot's rows, written key by key in the encoder's sorted order (see `SnapshotJSON`).
extension AdminJSONWriter {
    mutating func array<Element>(
        _ elements: [Element], _ write: (inout AdminJSONWriter, Element) throws -> Void
    ) rethrows {
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

    /// A finished job as `JobHistoryEntry.encode(to:)` writes it: its origin's keys and its own, merged and sorted.
    mutating func object(_ entry: JobHistoryEntry) throws {
        ascii("{")
        key("chat_id", first: true)
        string(entry.chatID)
        key("cost_usd")
        try double(entry.costUSD)
        key("duration_seconds")
        try double(entry.durationSeconds)
        key("ended_at")
        date(entry.endedAt)
        key("exit_code")
        int(entry.exitCode.map(Int.init))
        key("id")
        string(entry.id)
        key("outcome")
        string(entry.outcome.rawValue)
        key("platform")
        string(entry.platform.rawValue)
        key("prompt_excerpt")
        string(entry.promptExcerpt)
        key("started_at")
        date(entry.startedAt)
        key("tools_used")
        array(entry.toolsUsed) { writer, tool in writer.string(tool) }
        key("user_id")
        string(entry.userID)
        key("username")
        string(entry.username)
        ascii("}")
    }

    /// A denied-access record as `DeniedRecord.encode(to:)` writes it, keys sorted.
    mutating func object(_ record: DeniedRecord) {
        ascii("{")
        key("at", first: true)
        date(record.at)
        key("chat_id")
        string(record.chatID)
        key("count")
        int(record.count)
        key("excerpt")
        string(record.excerpt)
        key("id")
        string(record.id)
        key("last_at")
        date(record.lastAt)
        key("platform")
        string(record.platform.rawValue)
        key("reason")
        string(record.reason.rawValue)
        key("user_id")
        string(record.userID)
        key("username")
        string(record.username)
        ascii("}")
    }
}
