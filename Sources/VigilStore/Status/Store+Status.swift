import Foundation
import VigilText

extension Store {
    public func status(now: Date = Date()) throws -> StoreStatus {
        try reading { session in
            let failing = try session.fetch(FeedRecord.self, """
                SELECT * FROM feeds WHERE consecutive_failures > 0 OR disabled_reason IS NOT NULL
                ORDER BY consecutive_failures DESC, url
                """).map { feed in
                StoreStatus.FailingFeed(
                    url: URLRedaction.redacted(feed.url), consecutiveFailures: feed.consecutiveFailures,
                    lastError: (feed.disabledReason ?? feed.lastError).map(URLRedaction.redactingURLs(in:)),
                    lastStatus: feed.lastStatus,
                    enabled: feed.enabled, nextPollAt: feed.nextPollAt)
            }
            func count(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> Int {
                try session.value(Int.self, sql, arguments) ?? 0
            }
            func severities(since: Date) throws -> [String: Int] {
                var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
                for row in try session.rows("SELECT severity, COUNT(*) FROM findings WHERE created_at >= ? GROUP BY severity", [since]) {
                    counts[try row.get(0, as: String.self)] = try row.get(1, as: Int.self)
                }
                return counts
            }
            return StoreStatus(
                feedsTotal: try count("SELECT COUNT(*) FROM feeds WHERE source = 'web'"),
                feedsEnabled: try count("SELECT COUNT(*) FROM feeds WHERE source = 'web' AND enabled = 1"),
                feedsDue: try count("SELECT COUNT(*) FROM feeds WHERE source = 'web' AND enabled = 1 AND next_poll_at <= ?", [now]),
                feedsFailing: failing,
                lastCycle: try session.fetchOne(
                    CycleRecord.self, "SELECT * FROM cycles WHERE finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1"),
                findingsLast24h: try severities(since: now.addingTimeInterval(-86_400)),
                findingsLast7d: try severities(since: now.addingTimeInterval(-7 * 86_400)),
                findingsUnacknowledged: try count("SELECT COUNT(*) FROM findings WHERE state = 'new' AND severity <> 'none'"),
                alertsPending: try count("SELECT COUNT(*) FROM alert_outbox WHERE delivered_at IS NULL AND failed_at IS NULL"),
                alertsFailed: try count("SELECT COUNT(*) FROM alert_outbox WHERE failed_at IS NOT NULL"))
        }
    }
}
