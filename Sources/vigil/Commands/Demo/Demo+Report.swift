import Foundation
import Logging
import VigilAlerts
import VigilDaemon
import VigilDigest
import VigilStore

extension Vigil.Demo {
    /// The demo's closing sections: the alerts delivered through its console
    /// channel, and the week's digest.
    enum Report {
        static func printAlerts(store: Store, config: VigilConfig, logger: Logger) async throws {
            let pending = try store.outboxSummary()
            Output.line("== alerts (\(pending.pending) queued for the console channel, min severity medium)")
            await AlertWiring.dispatcher(for: config, store: store, logger: logger).runOnce()
        }

        static func printDigest(store: Store) throws {
            Output.line("== digest")
            let now = Date()
            let digest = try DigestBuilder(store: store, timeZone: .current)
                .build(scope: .all, periods: DigestPeriod.last(seconds: 7 * 86_400, before: now).withPreceding(7), now: now)
            Output.text(try DigestFormat.text.render(digest))
        }
    }
}
