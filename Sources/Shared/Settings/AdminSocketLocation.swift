/// Where the admin socket is, for clients (`claudio status`, `claudio-tui`): `CLAUDIO_ADMIN_SOCKET` from the
/// environment or `./.env`, else the same XDG default the daemon uses — without requiring a complete configuration.
public enum AdminSocketLocation {
    public static func defaultPath(processEnvironment: [String: String]) async -> String {
        let layers = (try? await EnvironmentLayers.load(processEnvironment: processEnvironment, envFilePath: nil))
            ?? EnvironmentLayers(processEnvironment: processEnvironment)
        if let configured = layers.value(SettingsVariable.adminSocket)?.value { return configured }
        let paths = DefaultPaths(layers: layers)
        let stateDirectory = layers.value(SettingsVariable.stateDirectory)?.value ?? paths.stateDirectory
        return paths.adminSocket(stateDirectory: stateDirectory)
    }
}
