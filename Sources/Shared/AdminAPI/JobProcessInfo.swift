/// One process of a job's tree in `GET /v1/jobs/{id}` (SPEC §17): host PIDs, claude and everything it started.
public struct JobProcessInfo: Codable, Sendable, Equatable {
    public var pid: Int
    /// The parent as the host sees it, also for a process reparented to the daemon or to init.
    public var ppid: Int
    /// The kernel's one-letter state: R running, S sleeping, D in I/O, T stopped, Z zombie…
    public var state: String
    /// Share of one core used since the previous sample (above 100 for several busy threads); nil until a process
    /// has been seen in two samples.
    public var cpuPercent: Double?
    /// Resident memory.
    public var rssBytes: Int
    /// Its command line, arguments joined by spaces; the kernel's name in brackets when it has none.
    public var command: String

    public init(pid: Int, ppid: Int, state: String, cpuPercent: Double?, rssBytes: Int, command: String) {
        self.pid = pid
        self.ppid = ppid
        self.state = state
        self.cpuPercent = cpuPercent
        self.rssBytes = rssBytes
        self.command = command
    }

    enum CodingKeys: String, CodingKey {
        case pid
        case ppid
        case state
        case cpuPercent = "cpu_percent"
        case rssBytes = "rss_bytes"
        case command
    }

    // Written by hand so an unknown CPU share is an explicit `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pid, forKey: .pid)
        try container.encode(ppid, forKey: .ppid)
        try container.encode(state, forKey: .state)
        try container.encode(cpuPercent, forKey: .cpuPercent)
        try container.encode(rssBytes, forKey: .rssBytes)
        try container.encode(command, forKey: .command)
    }
}
