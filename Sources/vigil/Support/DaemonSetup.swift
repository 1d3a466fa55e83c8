import Foundation
import Logging
import VigilDaemon
import VigilStore

/// What `vigil run`, `vigil poll` and `vigil demo` share: the config (or
/// defaults when only a database was given), the poller lease, and logging.
struct DaemonSetup {
    let context: CommandContext
    let config: VigilConfig
    let lease: PollerLease
    let logger: Logger

    static func open(_ global: GlobalOptions, verbose: Bool, logLabel: String, command: String, quiet: Bool = false) async throws -> DaemonSetup {
        let context = try await CommandContext.open(global)
        var config = context.config ?? VigilConfig(path: global.configPath, databasePath: context.store.path)
        config.databasePath = context.store.path
        let lease: PollerLease
        do {
            lease = try PollerLease(store: context.store, command: command)
        } catch let error as DaemonError {
            throw CommandFailure.runtime(error.message)
        }
        let level = verbose ? Logger.Level.debug : quiet ? .warning : (Logger.Level(rawValue: config.log.level) ?? .info)
        LoggingBootstrap.once(format: config.log.format, level: level)
        return DaemonSetup(context: context, config: config, lease: lease, logger: Logger(label: logLabel))
    }
}

/// swift-log may be bootstrapped once per process.
enum LoggingBootstrap {
    private static let done = NSLock()
    nonisolated(unsafe) private static var isDone = false

    static func once(format: LogSettings.Format, level: Logger.Level) {
        done.lock()
        defer { done.unlock() }
        guard !isDone else { return }
        isDone = true
        VigilLogging.bootstrap(format: format, level: level)
    }
}
