import Logging
import VigilDaemon
import VigilStore

/// Where the pipeline meets the alert channels: which alerts a finding
/// queues, and the loop that delivers them.
enum AlertRouting {
    static func router(for config: VigilConfig) throws -> @Sendable (StoredFinding) throws -> [AlertDraft] {
        { _ in [] }
    }

    static func deliverDue(config: VigilConfig, store: Store, logger: Logger) async throws {}

    static func companions(config: VigilConfig, store: Store, logger: Logger) -> [@Sendable () async throws -> Void] {
        []
    }
}
