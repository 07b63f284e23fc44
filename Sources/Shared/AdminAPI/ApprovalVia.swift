/// Where an answer to a tool request came from (SPEC §13).
public enum ApprovalVia: String, Codable, Sendable, Hashable, CaseIterable {
    case telegram, slack, console, cli, api
    /// Nobody answered in time.
    case timeout
    /// The job answered by itself: an earlier "for this job", or the job's end.
    case job
}
