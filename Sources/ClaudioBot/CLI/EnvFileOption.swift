import ArgumentParser

/// `--env-file PATH`, shared by the commands that read the configuration.
struct EnvFileOption: ParsableArguments {
    @Option(name: .customLong("env-file"), help: "Read settings from this dotenv file (default: ./.env when it exists).")
    var path: String?
}
