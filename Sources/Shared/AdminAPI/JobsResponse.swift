/// `GET /v1/jobs`: every queued and running job.
public struct JobsResponse: Codable, Sendable, Equatable {
    public var jobs: [JobInfo]

    public init(jobs: [JobInfo]) {
        self.jobs = jobs
    }

    enum CodingKeys: String, CodingKey {
        case jobs
    }
}
