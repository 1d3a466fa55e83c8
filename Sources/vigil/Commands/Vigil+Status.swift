import ArgumentParser
import VigilText
import Foundation
import VigilDaemon
import VigilFeeds
import VigilStore

extension Vigil {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Feeds due and failing, the last cycle, findings by severity, undelivered alerts."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print JSON.")
        var json = false

        /// Workers whose heartbeat is this recent are listed.
        static let workerWindow: TimeInterval = 10 * 60

        func run() async throws {
            let context = try await CommandContext.open(global)
            let now = Date()
            let status = try context.store.status(now: now)
            // Workers share only a PostgreSQL database; a SQLite one has a single poller.
            let workers = context.store.databaseKind == .postgreSQL
                ? try context.store.workers(seenSince: now.addingTimeInterval(-Self.workerWindow), now: now) : nil
            if json {
                try Output.json(StatusReport(status: status, workers: workers?.map { WorkerStatus($0.worker, leasedFeeds: $0.leasedFeeds) }))
                return
            }
            Output.line("feeds: \(status.feedsTotal) (\(status.feedsEnabled) enabled, \(status.feedsDue) due now, \(status.feedsFailing.count) failing)")
            if let cycle = status.lastCycle, let finished = cycle.finishedAt {
                let seconds = String(format: "%.1f", finished.timeIntervalSince(cycle.startedAt))
                Output.line("last cycle: \(DurationFormatter.relative(finished, now: now)), \(cycle.feedsPolled) feeds in \(seconds)s, \(cycle.feedsFailed) failed, \(cycle.itemsNew) new items, \(cycle.findingsNew) new findings")
            } else {
                Output.line("last cycle: never (run `vigil poll --once` or `vigil run`)")
            }
            let order = Severity.allCases.reversed().map(\.rawValue)
            func counts(_ values: [String: Int]) -> String {
                order.map { "\($0) \(values[$0] ?? 0)" }.joined(separator: ", ")
            }
            Output.line("findings, last 24h: \(counts(status.findingsLast24h))")
            Output.line("findings, last 7d:  \(counts(status.findingsLast7d))")
            Output.line("unacknowledged findings: \(status.findingsUnacknowledged)")
            Output.line("alerts: \(status.alertsPending) pending, \(status.alertsFailed) failed")
            if let workers {
                Output.line("")
                if workers.isEmpty {
                    Output.line("workers: none seen in the last \(Int(Self.workerWindow / 60)) minutes")
                } else {
                    var table = ColumnLayout(headers: ["WORKER", "HOST", "PID", "COMMAND", "STARTED", "HEARTBEAT", "LEASED FEEDS", "LAST CYCLE"])
                    for (worker, leased) in workers {
                        table.append([
                            worker.id, worker.host, String(worker.pid), worker.command, DurationFormatter.relative(worker.startedAt, now: now),
                            DurationFormatter.relative(worker.heartbeatAt, now: now), String(leased),
                            worker.lastCycleAt.map { "\(DurationFormatter.relative($0, now: now)), \(worker.lastCycleFeeds ?? 0) feeds" } ?? "none yet",
                        ])
                    }
                    Output.line(table.render().joined(separator: "\n"))
                }
            }
            if !status.feedsFailing.isEmpty {
                Output.line("")
                var table = ColumnLayout(headers: ["FAILING FEED", "FAILS", "STATUS", "NEXT TRY", "LAST ERROR"])
                for feed in status.feedsFailing {
                    table.append([
                        URLRedaction.redacted(feed.url), String(feed.consecutiveFailures), feed.lastStatus.map(String.init) ?? "",
                        feed.enabled ? DurationFormatter.relative(feed.nextPollAt, now: now) : "disabled",
                        Feeds.List.clip(URLRedaction.redactingURLs(in: feed.lastError ?? ""), 80),
                    ])
                }
                Output.line(table.render().joined(separator: "\n"))
            }
        }
    }
}
