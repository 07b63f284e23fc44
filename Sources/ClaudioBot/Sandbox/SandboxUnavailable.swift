/// `JOB_SANDBOX=bwrap`, but bubblewrap cannot contain jobs here: the daemon does not start (exit 2).
struct SandboxUnavailable: Error, CustomStringConvertible {
    let reason: String

    var description: String {
        "❌ JOB_SANDBOX=bwrap, but jobs cannot be sandboxed: \(reason). Install bubblewrap (apt-get install "
            + "bubblewrap) and make sure it runs for this user, or set JOB_SANDBOX=auto to fall back (with a warning) "
            + "or JOB_SANDBOX=off."
    }
}
