import Foundation
import VigilFeeds
import VigilStore
import VigilText

/// Computes a feed's next state from one poll: health, validators, the next
/// poll time (adaptive on success, backed off with jitter on failure), a
/// permanent redirect once confirmed, and disabling on 410 Gone.
///
/// A pure function of its inputs and the random source, so the scheduling
/// rules are tested without a network.
public struct FeedStateUpdate: Sendable {
    public var settings: PollSettings
    public var backoff: FailureBackoff

    public init(settings: PollSettings, backoff: FailureBackoff = FailureBackoff()) {
        self.settings = settings
        self.backoff = backoff
    }

    /// The feed after a poll whose fetches gave `results` (one per URL; a
    /// search template has several) and, when a body was parsed, `parsed`.
    public func apply(
        to feed: FeedRecord, results: [FetchResult], parsed: [ParsedFeed], now: Date,
        using generator: inout some RandomNumberGenerator
    ) -> FeedRecord {
        var next = feed
        next.lastPolledAt = now
        next.lastBytes = Int(results.reduce(0) { $0 + $1.bytesReceived })
        next.lastDurationMs = results.map { Int(($0.duration.components.seconds * 1000) + $0.duration.components.attoseconds / 1_000_000_000_000_000) }.max() ?? 0
        let failures = results.compactMap(\.failure)
        let succeeded = results.count - failures.count

        if results.isEmpty {
            // A search template with no watched term to expand: nothing to do yet.
            next.lastStatus = nil
            next.lastError = "no watched names to search for"
            next.nextPollAt = now.addingTimeInterval(Double(feed.intervalSeconds))
            return next
        }

        if succeeded == 0 {
            let failure = failures[0]
            next.consecutiveFailures = feed.consecutiveFailures + 1
            next.lastStatus = results[0].status
            next.lastError = results.count > 1 ? "all \(results.count) searches failed: \(failure.message)" : failure.message
            if failure.kind == .gone {
                next.enabled = false
                next.disabledReason = "410 Gone: the publisher removed this feed"
            }
            let retryAfter = results.compactMap(\.retryAfter).max()
            let delay = backoff.delay(afterFailures: next.consecutiveFailures, retryAfter: retryAfter, using: &generator)
            next.nextPollAt = now.addingTimeInterval(max(Double(settings.minIntervalSeconds) / 10, delay.seconds))
            return next
        }

        next.consecutiveFailures = 0
        next.lastSuccessAt = now
        let primary = results.first { $0.isSuccess }!
        next.lastStatus = primary.status ?? (primary.body != nil ? 200 : 304)
        next.lastError = failures.isEmpty ? nil : "\(failures.count) of \(results.count) searches failed: \(failures[0].message)"

        if feed.kind == .feed, primary.body != nil {
            next.etag = primary.etag
            next.lastModified = primary.lastModified
        }
        if let first = parsed.first {
            // Stored once, shown in many places: made inert on the way in.
            if next.title == nil { next.title = first.title.map { UntrustedText.plain($0.plainText, limit: 300) }?.nilIfBlank }
            if next.siteUrl == nil { next.siteUrl = first.link }
            next.description = first.subtitle.map { UntrustedText.plain($0.plainText, limit: 2000) }?.nilIfBlank
        }

        if feed.kind == .feed {
            var tracker = PermanentRedirectTracker(candidate: feed.redirectCandidate, sightings: feed.redirectSeenCount)
            if let adopted = tracker.observe(primary.permanentRedirectTarget) {
                next.url = adopted
            }
            next.redirectCandidate = tracker.candidate
            next.redirectSeenCount = tracker.sightings
        }

        let policy = PollIntervalPolicy(
            defaultInterval: .seconds(feed.intervalSeconds),
            minimumInterval: .seconds(min(settings.minIntervalSeconds, feed.intervalSeconds)),
            maximumInterval: .seconds(max(settings.maxIntervalSeconds, feed.intervalSeconds)))
        let timestamps = parsed.flatMap(\.entries).compactMap { ($0.published ?? $0.updated).map { Int64($0.timeIntervalSince1970) } }
        let first = parsed.first
        let hints = FeedUpdateHints(
            entryTimestamps: timestamps, ttlMinutes: first?.ttlMinutes,
            updatePeriod: first?.updatePeriod.flatMap(FeedUpdateHints.UpdatePeriod.init(rawValue:)),
            updateFrequency: first?.updateFrequency, cacheMaxAge: primary.cacheMaxAge)
        let interval = parsed.isEmpty ? Double(feed.intervalSeconds) : policy.interval(for: hints).seconds
        // Spread polls of feeds added together so they do not stay in lockstep.
        let jitter = Double.random(in: 0.9...1.1, using: &generator)
        next.nextPollAt = now.addingTimeInterval(interval * jitter)
        return next
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension String {
    var nilIfBlank: String? {
        trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self
    }
}
