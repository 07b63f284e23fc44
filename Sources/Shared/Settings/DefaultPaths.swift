/// The XDG-based defaults of `CLAUDIO_STATE_DIR`, `CLAUDIO_ADMIN_SOCKET` and `CLAUDIO_LOCK_DIR`.
struct DefaultPaths {
    let layers: EnvironmentLayers

    var stateDirectory: String {
        if let xdg = layers.value("XDG_STATE_HOME")?.value { return xdg + "/claudio" }
        let home = layers.value("HOME")?.value ?? "/root"
        return home + "/.local/state/claudio"
    }

    func adminSocket(stateDirectory: String) -> String {
        if let runtime = layers.value("XDG_RUNTIME_DIR")?.value { return runtime + "/claudio/admin.sock" }
        return stateDirectory + "/admin.sock"
    }

    var lockDirectory: String {
        layers.value("TMPDIR")?.value ?? "/tmp"
    }
}
