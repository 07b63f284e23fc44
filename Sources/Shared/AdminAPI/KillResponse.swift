/// `POST /v1/jobs/{id}/kill`: the job's whole process tree was stopped.
public struct KillResponse: Codable, Sendable, Equatable {
    public var id: String
    /// Always true in a 200 answer; an unknown job is a 404 instead.
    public var killed: Bool
    /// How many processes were killed.
    public var processes: Int

    public init(id: String, killed: Bool = true, processes: Int) {
        self.id = id
        self.killed = killed
        self.processes = processes
    }

    enum CodingKeys: String, CodingKey {
        case id
        case killed
        case processes
    }
}
