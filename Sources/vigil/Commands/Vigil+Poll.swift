import ArgumentParser
import Foundation
import VigilDaemon
import VigilFeeds
import VigilStore
import VigilText

extension Vigil {
    struct Poll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Poll every enabled feed once (or only those due), then exit.",
            discussion: "Per-host politeness and Retry-After still apply. Refuses to run while a daemon polls the same database."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Run exactly one cycle and exit (the only mode for now; `vigil run` polls continuously).")
        var once = false

        @Flag(help: "Only poll feeds whose next poll time has come.")
        var dueOnly = false

        @Flag(help: "Log every feed.")
        var verbose = false

        func validate() throws {
            guard once else { throw ValidationError("use --once (or `vigil run` for the daemon)") }
        }

        func run() async throws {
            let setup = try await DaemonSetup.open(global, verbose: verbose, logLabel: "vigil.poll", command: "vigil poll --once")
            let router = try AlertRouting.router(for: setup.config)
            let cycle = try PipelineAssembly.pollCycle(
                config: setup.config, store: setup.context.store, version: VigilVersion.string, logger: setup.logger,
                router: router)
            let watchlist = WatchlistSnapshot(entries: try setup.context.store.people())
            let dueOnly = self.dueOnly, config = setup.config, store = setup.context.store, logger = setup.logger
            let report = try await setup.lease.whileHeld {
                let report = try await cycle.run(dueOnly: dueOnly, watchlist: watchlist)
                // Alerts are not sent after a failed store: marking them sent could fail the same way.
                if report.storeFailure == nil {
                    try await AlertRouting.deliverDue(config: config, store: store, logger: logger)
                }
                return report
            }
            if let failure = report.storeFailure {
                throw CommandFailure.runtime(
                    "poll stopped after \(report.feedsPolled) feeds: \(UntrustedText.plain(URLRedaction.redactingURLs(in: failure), limit: 300)); "
                        + "what was stored before is intact; fix the database (free disk space) and poll again")
            }
            let summary = report.summary
            Output.line("polled \(report.feedsPolled) feeds in \(String(format: "%.1f", report.duration))s (\(report.feedsFailed) failed): \(report.entries) entries, \(summary.itemsNew) new, \(summary.itemsEdited) edited; \(summary.findingsNew) new findings, \(summary.findingsUpdated) updated; \(summary.alertsQueued) alerts queued")
            for feed in report.feeds where feed.failed {
                Output.line("  failed: \(UntrustedText.plain(URLRedaction.redacted(feed.feedURL))): \(UntrustedText.plain(URLRedaction.redactingURLs(in: feed.detail), limit: 300))")
            }
            withExtendedLifetime(setup.lease) {}
        }
    }
}
