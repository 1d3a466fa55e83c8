import Foundation
import GRDB
import VigilText

extension Store {
    public func status(now: Date = Date()) throws -> StoreStatus {
        try read { db in
            let failing = try FeedRecord
                .filter(Column("consecutive_failures") > 0 || Column("disabled_reason") != nil)
                .order(Column("consecutive_failures").desc, Column("url"))
                .fetchAll(db)
                .map { feed in
                    StoreStatus.FailingFeed(
                        url: URLRedaction.redacted(feed.url), consecutiveFailures: feed.consecutiveFailures,
                        lastError: (feed.disabledReason ?? feed.lastError).map(URLRedaction.redactingURLs(in:)),
                        lastStatus: feed.lastStatus,
                        enabled: feed.enabled, nextPollAt: feed.nextPollAt)
                }
            func severities(since: Date) throws -> [String: Int] {
                var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
                for row in try Row.fetchAll(db, sql: "SELECT severity, COUNT(*) FROM findings WHERE created_at >= ? GROUP BY severity", arguments: [since]) {
                    counts[row[0]] = row[1]
                }
                return counts
            }
            return StoreStatus(
                feedsTotal: try FeedRecord.filter(Column("source") == "web").fetchCount(db),
                feedsEnabled: try FeedRecord.filter(Column("source") == "web" && Column("enabled") == true).fetchCount(db),
                feedsDue: try FeedRecord.filter(Column("source") == "web" && Column("enabled") == true && Column("next_poll_at") <= now).fetchCount(db),
                feedsFailing: failing,
                lastCycle: try CycleRecord.filter(Column("finished_at") != nil).order(Column("started_at").desc).fetchOne(db),
                findingsLast24h: try severities(since: now.addingTimeInterval(-86_400)),
                findingsLast7d: try severities(since: now.addingTimeInterval(-7 * 86_400)),
                findingsUnacknowledged: try FindingRecord.filter(Column("state") == "new" && Column("severity") != "none").fetchCount(db),
                alertsPending: try OutboxRecord.filter(Column("delivered_at") == nil && Column("failed_at") == nil).fetchCount(db),
                alertsFailed: try OutboxRecord.filter(Column("failed_at") != nil).fetchCount(db))
        }
    }
}
