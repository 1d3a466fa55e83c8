import Foundation
import Logging
import VigilStore

/// Works the alert outbox: each configured channel on its own
/// (`ChannelWorker`), with its quiet hours, grouping, rate limit, retries,
/// a few messages on their way at once and a bounded time per pass.
/// Delivery is at least once: a crash after a send and before its row is
/// marked sends it again, with the same idempotency key.
///
/// It runs as its own task (`run()`), never inside polling. In `run()` every
/// channel has a loop of its own, so a receiver that never answers delays
/// only its own channel's alerts: the other channels keep their two-second
/// rhythm whatever it does.
public actor AlertDispatcher {
    public let store: Store
    public let retryPolicy: RetryPolicy
    /// How often each channel looks for due alerts.
    public let pollInterval: Duration
    /// How long one pass of one channel may go on starting messages; what it
    /// did not start waits, untouched, for the channel's next pass.
    public let passTimeLimit: Duration
    private let workers: [ChannelWorker]
    private let channelNames: [String]
    private let logger: Logger

    public init(
        store: Store, channels: [ChannelSettings], senders: ChannelSenders = ChannelSenders(),
        retryPolicy: RetryPolicy = RetryPolicy(), pollInterval: Duration = .seconds(2),
        passTimeLimit: Duration = .seconds(60),
        calendar: Calendar = .current, logger: Logger = Logger(label: "vigil.alerts")
    ) {
        self.store = store
        self.retryPolicy = retryPolicy
        self.pollInterval = pollInterval
        self.passTimeLimit = passTimeLimit
        self.logger = logger
        var seen = Set<String>()
        let unique = channels.filter { seen.insert($0.name).inserted }
        channelNames = unique.map(\.name)
        workers = unique.map {
            ChannelWorker(
                settings: $0, store: store, senders: senders, retryPolicy: retryPolicy, passTimeLimit: passTimeLimit,
                calendar: calendar, logger: logger)
        }
    }

    /// Delivers until the task is cancelled: one loop per channel, each
    /// passing over its own due alerts every `pollInterval`, and one that
    /// fails the alerts of channels no longer configured.
    public func run() async {
        let interval = pollInterval
        await withTaskGroup(of: Void.self) { group in
            for worker in workers {
                group.addTask {
                    while !Task.isCancelled {
                        _ = await worker.pass(now: Date())
                        try? await Task.sleep(for: interval)
                    }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    _ = await self.failUnconfigured(now: Date())
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    /// One pass of every channel over the alerts due at `now`, side by side;
    /// returns when the slowest is done, which its pass time limit bounds.
    /// A channel whose pass is already running (in `run()`) is skipped.
    @discardableResult
    public func runOnce(now: Date = Date()) async -> DispatchReport {
        var report = failUnconfigured(now: now)
        await withTaskGroup(of: DispatchReport.self) { group in
            for worker in workers {
                group.addTask { await worker.pass(now: now) }
            }
            for await partial in group { report.add(partial) }
        }
        return report
    }

    /// Nothing is dropped silently: an alert for a channel removed from the
    /// config is marked failed, with that reason.
    @discardableResult
    private func failUnconfigured(now: Date) -> DispatchReport {
        var report = DispatchReport()
        do {
            let orphans = try store.dueAlerts(outside: channelNames, now: now)
            for (channel, rows) in Dictionary(grouping: orphans, by: \.channel) {
                let reason = "channel '\(channel)' is no longer configured"
                try store.markAlertsFailed(ids: rows.compactMap(\.id), at: now, error: reason)
                report.failed += rows.count
                logger.error("alert given up", metadata: ["channel": "\(channel)", "rows": "\(rows.count)", "reason": "\(reason)"])
            }
        } catch {
            logger.error("cannot read the alert outbox", metadata: ["error": "\(error)"])
        }
        return report
    }
}
