import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import VigilStore

/// The long-running daemon: poll cycles over due feeds, with any companion
/// loops (alert delivery, the digest) beside them, until a graceful shutdown.
///
/// SIGTERM and SIGINT cancel the work in flight: fetches stop at once, and a
/// feed already being stored finishes its transaction, so the process exits
/// within seconds and loses nothing. SIGHUP re-reads the people, teams and
/// feeds of the config without a restart (the watchlist is read afresh each
/// cycle); channel and poll settings are fixed for the process's life.
///
/// Between cycles the daemon looks at the feed list every `feedCheck` (one
/// read of an index), so a feed added with `vigil feeds add` or on SIGHUP is
/// polled within seconds rather than at the end of the longest sleep.
public struct Daemon: Service {
    public let store: Store
    /// Builds the poll cycle (loading the models takes a moment); called once
    /// the signal handlers are in place, so a SIGTERM during start-up is honoured.
    public let makeCycle: @Sendable () throws -> PollCycle
    public let logger: Logger
    /// Re-reads the config file and syncs it into the store (SIGHUP).
    public let reload: @Sendable () throws -> Void
    /// Loops that run beside polling (alert delivery, digests).
    public let companions: [@Sendable () async throws -> Void]
    public let retentionSeconds: Int
    /// The longest sleep between two looks at the feed list.
    public let feedCheck: Duration
    /// Told about every finished cycle (the Prometheus metrics).
    public let onCycle: @Sendable (CycleReport) -> Void

    public init(
        store: Store, makeCycle: @escaping @Sendable () throws -> PollCycle, logger: Logger, retentionSeconds: Int,
        feedCheck: Duration = .seconds(2),
        onCycle: @escaping @Sendable (CycleReport) -> Void = { _ in },
        reload: @escaping @Sendable () throws -> Void,
        companions: [@Sendable () async throws -> Void] = []
    ) {
        self.store = store
        self.makeCycle = makeCycle
        self.logger = logger
        self.retentionSeconds = retentionSeconds
        self.feedCheck = feedCheck
        self.onCycle = onCycle
        self.reload = reload
        self.companions = companions
    }

    public func run() async throws {
        do {
            try await runUntilShutdown()
        } catch is CancellationError {
            // A shutdown during start-up or mid-cycle: nothing half-written remains.
        }
        logger.info("stopped")
    }

    private func runUntilShutdown() async throws {
        try await cancelWhenGracefulShutdown {
            let cycle = try makeCycle()
            try Task.checkCancellation()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pollLoop(cycle) }
                group.addTask { await reloadOnHangup() }
                for companion in companions {
                    group.addTask { try await companion() }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    private func pollLoop(_ cycle: PollCycle) async throws {
        var lastPrune = Date.distantPast
        while !Task.isCancelled {
            do {
                let watchlist = WatchlistSnapshot(entries: try store.people())
                onCycle(try await cycle.run(dueOnly: true, watchlist: watchlist))
                if Date().timeIntervalSince(lastPrune) > 3600 {
                    let pruned = try store.pruneItems(notSeenSince: Date().addingTimeInterval(-Double(retentionSeconds)))
                    if pruned > 0 { logger.info("pruned items past retention", metadata: ["items": "\(pruned)"]) }
                    lastPrune = Date()
                }
            } catch is CancellationError {
                return
            } catch {
                // A database hiccup (a full disk, a lock) must not end the daemon;
                // nothing was committed for the feed that failed, so retry later.
                logger.error("cycle failed", metadata: ["error": "\(error)"])
            }
            try await waitForDueFeed()
        }
    }

    /// Sleeps until a feed is due, looking at the feed list at least every
    /// `feedCheck`: a feed added meanwhile (its first poll is due at once)
    /// ends the wait at the next look. At least one second passes, so a
    /// feed whose poll cannot be stored is not retried in a tight loop.
    private func waitForDueFeed() async throws {
        try await Task.sleep(for: min(.seconds(1), feedCheck))
        while true {
            let seconds: Double
            do {
                guard let next = try store.nextFeedDue() else {
                    try await Task.sleep(for: feedCheck)
                    continue
                }
                seconds = next.timeIntervalSinceNow
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                logger.error("cannot read the feed list", metadata: ["error": "\(error)"])
                seconds = .infinity
            }
            if seconds <= 0 { return }
            try await Task.sleep(for: min(.milliseconds(Int64(min(seconds, 86_400) * 1000)), feedCheck))
        }
    }

    private func reloadOnHangup() async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            do {
                try reload()
                logger.info("config reloaded")
            } catch {
                logger.error("config reload failed; keeping the previous one", metadata: ["error": "\(error)"])
            }
        }
    }
}
