import Shared

/// Where denied-access records are kept beyond memory (the SQLite store).
///
/// `store` is called on one background task, in the order records were made or updated; a record whose `id` was stored
/// before is an update of that row (its `count` and `lastAt` grew).
protocol DeniedRecordSink: Sendable {
    func store(_ record: DeniedRecord) async
}
