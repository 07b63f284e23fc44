/// Why `claudio run` could not make itself undumpable (see `ProcessHardening`).
struct ProcessHardeningError: Error, CustomStringConvertible {
    let reason: String

    var description: String {
        "cannot make the daemon undumpable (prctl PR_SET_DUMPABLE), so jobs could read its secrets: \(reason)"
    }
}
