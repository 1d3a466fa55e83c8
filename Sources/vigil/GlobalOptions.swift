import ArgumentParser
import Foundation

/// Options every subcommand takes: where the config file and the database are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (default: $VIGIL_CONFIG or ~/.config/vigil/config.toml).", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Database file; overrides the config's `database`.", valueName: "path"))
    var db: String?

    /// The config path this invocation means, after the environment and the default.
    var configPath: String {
        if let config { return config }
        if let fromEnvironment = ProcessInfo.processInfo.environment["VIGIL_CONFIG"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/vigil/config.toml"
    }
}
