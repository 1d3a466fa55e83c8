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

    static func open(_ global: GlobalOptions) async throws -> CommandContext {
        try requireExistingDatabase(global)
        let config = try loadConfig(global)
        guard let databasePath = global.db ?? config?.databasePath else {
            throw CommandFailure.badInput("no config file at \(global.configPath); run `vigil init` or pass --config or --db")
        }
        let store: Store
        if PostgreSQLLocation.isURL(databasePath) {
            let location = try PostgreSQLLocation(
                url: databasePath, passwordEnv: config?.databasePasswordEnv, passwordFile: config?.databasePasswordFile)
            store = try await Store.open(
                postgreSQL: location, leaseDuration: TimeInterval(config?.poll.workerLeaseSeconds ?? PollSettings().workerLeaseSeconds))
        } else {
            store = try Store.open(at: databasePath)
        }
        if let config {
            try config.sync(into: store)
        }
        return CommandContext(config: config, store: store)
    }

    /// `--db` must name a database that exists: a mistyped path is an error,
    /// not a new, empty database that silently watches nobody. Only `vigil init`
    /// creates a database at a `--db` path; the database a config file names is
    /// created on first use, since the config says where it should be.
    static func requireExistingDatabase(_ global: GlobalOptions) throws {
        guard let path = global.db, !PostgreSQLLocation.isURL(path), !FileManager.default.fileExists(atPath: path) else { return }
        throw CommandFailure.badInput("no database at \(path); check the path, or create one with `vigil init --db \(path)`")
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
