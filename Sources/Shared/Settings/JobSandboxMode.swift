/// `JOB_SANDBOX`: how each job is contained (SPEC §12).
public enum JobSandboxMode: String, Sendable, CaseIterable {
    /// Bubblewrap when it is installed and a probe run works; otherwise unsandboxed, loudly warned about.
    case auto
    /// Bubblewrap is required: the daemon does not start without it.
    case bwrap
    /// No sandbox (warned about).
    case off
}
