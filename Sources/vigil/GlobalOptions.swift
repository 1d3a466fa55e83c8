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

    /// `vigil --config F watch ls` is how people type it: moves global options
    /// written before the subcommand to where the subcommand parses them.
    /// argument-parser reads an option only in the command that declares it and
    /// passes nothing down the tree; these options are an option group of every
    /// leaf command, so written before the subcommand they would be unknown to
    /// the root.
    static func hoisted(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if first == "--config" || first == "--db", rest.count >= 2 {
                leading.append(contentsOf: rest.prefix(2))
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--config=") || first.hasPrefix("--db=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var result = Array(rest)
        let insertion = result.firstIndex(of: "--") ?? result.endIndex
        result.insert(contentsOf: leading, at: insertion)
        return result
    }
}
