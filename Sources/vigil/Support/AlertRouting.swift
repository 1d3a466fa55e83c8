import Logging
import VigilAlerts
import VigilDaemon
import VigilDigest
import VigilStore

/// Where the commands meet the alert channels and the digest schedule.
enum AlertRouting {
    static func router(for config: VigilConfig) throws -> AlertRouter {
        AlertWiring.router(for: config)
    }

    /// One delivery pass over the outbox (for `vigil poll --once`).
    static func deliverDue(config: VigilConfig, store: Store, logger: Logger) async throws {
        guard !config.channels.isEmpty else { return }
        await AlertWiring.dispatcher(for: config, store: store, logger: logger).runOnce()
    }

    /// The loops that run beside polling in `vigil run`: alert delivery, and
    /// the scheduled digest when it has channels to go to.
    static func companions(config: VigilConfig, store: Store, logger: Logger) throws -> [@Sendable () async throws -> Void] {
        var loops: [@Sendable () async throws -> Void] = []
        let dispatcher = AlertWiring.dispatcher(for: config, store: store, logger: logger)
        loops.append { await dispatcher.run() }
        if !config.digest.channels.isEmpty {
            let delivery: DigestDelivery
            do {
                delivery = try DigestDelivery(store: store, settings: config.digest)
            } catch {
                throw CommandFailure.badInput("\(config.path): [digest]: \(error)")
            }
            let loop = DigestLoop(delivery: delivery, channels: config.digest.channels, logger: logger)
            loops.append { try await loop.run() }
        }
        return loops
    }
}
