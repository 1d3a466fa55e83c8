import Foundation
import VigilDaemon
import VigilStore

/// The config and database a command works on, opened the same way by every
/// command: the config file is read and checked, the database opened and
/// migrated, and people and feeds declared in the config synced into it.
struct CommandContext {
    let config: VigilConfig?
    let store: Store

    var defaultIntervalSeconds: Int { config?.poll.intervalSeconds ?? PollSettings().intervalSeconds }

    static func open(_ global: GlobalOptions) throws -> CommandContext {
        let config = try loadConfig(global)
        guard let databasePath = global.db ?? config?.databasePath else {
            throw CommandFailure.badInput("no config file at \(global.configPath); run `vigil init` or pass --config or --db")
        }
        let store = try Store.open(at: databasePath)
        if let config {
            try config.sync(into: store)
        }
        return CommandContext(config: config, store: store)
    }

    /// The config, or nil when none was asked for and the default file is absent.
    static func loadConfig(_ global: GlobalOptions) throws -> VigilConfig? {
        let path = global.configPath
        let explicitlyNamed = global.config != nil || ProcessInfo.processInfo.environment["VIGIL_CONFIG"] != nil
        if !explicitlyNamed, !FileManager.default.fileExists(atPath: path) {
            return nil
        }
        return try ConfigLoader.load(path: path)
    }
}
