import Foundation
import GRDB

extension Store {
    /// Adds one feed. A feed already present is an input error, and nothing is written.
    @discardableResult
    public func addFeed(_ spec: FeedSpec, defaultIntervalSeconds: Int, now: Date = Date()) throws -> FeedRecord {
        let spec = try spec.validated()
        return try write { db in
            if try FeedRecord.filter(Column("url") == spec.url).fetchOne(db) != nil {
                throw StoreError.badInput("feed already added: \(spec.url)")
            }
            return try Self.insertFeed(spec, defaultIntervalSeconds: defaultIntervalSeconds, managedByConfig: false, now: now, in: db)
        }
    }

    /// Adds many feeds in one transaction: every URL is checked first, so one
    /// bad entry leaves the database as it was. Feeds already present are skipped.
    public func importFeeds(_ specs: [FeedSpec], defaultIntervalSeconds: Int, now: Date = Date()) throws -> FeedImportSummary {
        let checked = try specs.map { try $0.validated() }
        return try write { db in
            var summary = FeedImportSummary()
            var seen = Set<String>()
            for spec in checked {
                guard seen.insert(spec.url).inserted else { continue }
                if try FeedRecord.filter(Column("url") == spec.url).fetchOne(db) != nil {
                    summary.alreadyPresent.append(spec.url)
                    continue
                }
                try Self.insertFeed(spec, defaultIntervalSeconds: defaultIntervalSeconds, managedByConfig: false, now: now, in: db)
                summary.added.append(spec.url)
            }
            return summary
        }
    }

    /// Removes a feed with its items and their findings.
    public func removeFeed(url: String) throws {
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        try write { db in
            guard let record = try FeedRecord.filter(Column("url") == url).fetchOne(db) else {
                throw StoreError.badInput("no such feed: \(url)")
            }
            if record.managedByConfig {
                throw StoreError.badInput("\(url) is declared in the config file; remove it there")
            }
            try record.delete(db)
        }
    }

    /// Every feed, ordered by URL.
    public func feeds() throws -> [FeedRecord] {
        try read { db in try FeedRecord.filter(Column("source") == FeedRecord.Source.web.rawValue).order(Column("url")).fetchAll(db) }
    }

    /// One feed by URL.
    public func feed(url: String) throws -> FeedRecord? {
        try read { db in try FeedRecord.filter(Column("url") == url).fetchOne(db) }
    }

    @discardableResult
    static func insertFeed(
        _ spec: FeedSpec, defaultIntervalSeconds: Int, managedByConfig: Bool, now: Date, in db: Database
    ) throws -> FeedRecord {
        var record = FeedRecord(
            url: spec.url, kind: spec.isQueryTemplate ? .query : .feed, title: spec.title, siteUrl: spec.siteURL,
            tags: spec.tags, queryTerms: spec.queryTerms, queryTermPattern: spec.queryTermPattern, intervalSeconds: spec.intervalSeconds ?? defaultIntervalSeconds, nextPollAt: now,
            enabled: spec.enabled, managedByConfig: managedByConfig, createdAt: now)
        try record.insert(db)
        return record
    }
}
