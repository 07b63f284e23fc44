import Shared

/// `GET /v1/snapshot`'s body: the bytes `AdminJSON.encoder` makes of a `SnapshotResponse`, with the rows that come
/// by the dozen or the hundred (jobs, rate limits, denied records, history) written by `AdminJSONWriter` and the small
/// parts (status, waiting approvals) by the encoder itself. The console polls this every second; the encoder alone
/// took about 1.3 ms of a snapshot of 100 jobs and 100 rate-limit rows.
public enum SnapshotJSON {
    public static func encode(_ snapshot: SnapshotResponse) throws -> [UInt8] {
        let encoder = AdminJSON.encoder
        let rows = snapshot.jobs.count + snapshot.rateLimits.count + snapshot.denied.count + snapshot.history.count
        var writer = AdminJSONWriter(capacity: 256 * rows + 8_192)
        // The keys of `SnapshotResponse.CodingKeys`, sorted as `.sortedKeys` sorts them.
        writer.ascii("{")
        writer.key("approvals", first: true)
        writer.raw(try encoder.encode(snapshot.approvals))
        writer.key("denied")
        writer.array(snapshot.denied) { writer, record in writer.object(record) }
        writer.key("history")
        try writer.array(snapshot.history) { writer, entry in try writer.object(entry) }
        writer.key("jobs")
        try writer.array(snapshot.jobs) { writer, job in try writer.object(job) }
        writer.key("rate_limits")
        try writer.array(snapshot.rateLimits) { writer, row in try writer.object(row) }
        writer.key("rate_limits_total")
        writer.int(snapshot.rateLimitsTotal)
        writer.key("status")
        writer.raw(try encoder.encode(snapshot.status))
        writer.ascii("}")
        return writer.bytes
    }
}
