import Foundation

extension Store {
    /// Adds one feed. A feed already present is an input error, and nothing is written.
    /// With `auditedAs`, the dashboard user who added it is recorded in the same transaction.
    @discardableResult
    public func addFeed(
        _ spec: FeedSpec, defaultIntervalSeconds: Int, now: Date = Date(), auditedAs userName: String? = nil
    ) throws -> FeedRecord {
        let spec = try spec.validated()
        return try writing { session in
            if try session.fetchOne(FeedRecord.self, "SELECT * FROM feeds WHERE url = ?", [spec.url]) != nil {
                throw StoreError.badInput("feed already added: \(spec.url)")
            }
            let record = try Self.insertFeed(spec, defaultIntervalSeconds: defaultIntervalSeconds, managedByConfig: false, now: now, in: session)
            if let userName {
                try Self.insertAudit(AuditEntry(userName: userName, action: "feed add", findingID: nil, detail: spec.url, at: now), in: session)
            }
            return record
        }
    }

    /// Adds many feeds in one transaction: every URL is checked first, so one
    /// bad entry leaves the database as it was. Feeds already present are skipped.
    public func importFeeds(_ specs: [FeedSpec], defaultIntervalSeconds: Int, now: Date = Date()) throws -> FeedImportSummary {
        let checked = try specs.map { try $0.validated() }
        return try writing { session in
            var summary = FeedImportSummary()
            var seen = Set<String>()
            for spec in checked {
                guard seen.insert(spec.url).inserted else { continue }
                if try session.fetchOne(FeedRecord.self, "SELECT * FROM feeds WHERE url = ?", [spec.url]) != nil {
                    summary.alreadyPresent.append(spec.url)
                    continue
                }
                try Self.insertFeed(spec, defaultIntervalSeconds: defaultIntervalSeconds, managedByConfig: false, now: now, in: session)
                summary.added.append(spec.url)
            }
            return summary
        }
    }

    /// Removes a feed with its items and their findings. With `auditedAs`,
    /// the dashboard user who removed it is recorded in the same transaction.
    public func removeFeed(url: String, now: Date = Date(), auditedAs userName: String? = nil) throws {
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        try writing { session in
            guard let record = try session.fetchOne(FeedRecord.self, "SELECT * FROM feeds WHERE url = ?", [url]), let id = record.id else {
                throw StoreError.badInput("no such feed: \(url)")
            }
            if record.managedByConfig {
                throw StoreError.badInput("\(url) is declared in the config file; remove it there")
            }
            try session.delete(FeedRecord.self, id: id)
            if let userName {
                try Self.insertAudit(AuditEntry(userName: userName, action: "feed remove", findingID: nil, detail: url, at: now), in: session)
            }
        }
    }

    /// Every feed, ordered by URL.
    public func feeds() throws -> [FeedRecord] {
        try reading { session in try session.fetch(FeedRecord.self, "SELECT * FROM feeds WHERE source = 'web' ORDER BY url") }
    }

    /// One feed by URL.
    public func feed(url: String) throws -> FeedRecord? {
        try reading { session in try session.fetchOne(FeedRecord.self, "SELECT * FROM feeds WHERE url = ?", [url]) }
    }

    /// One feed row by ID, of any source.
    public func feed(id: Int64) throws -> FeedRecord? {
        try reading { session in try session.fetchOne(FeedRecord.self, id: id) }
    }

    @discardableResult
    static func insertFeed(
        _ spec: FeedSpec, defaultIntervalSeconds: Int, managedByConfig: Bool, now: Date, in session: any SQLSession
    ) throws -> FeedRecord {
        var record = FeedRecord(
            url: spec.url, kind: spec.isQueryTemplate ? .query : .feed, title: spec.title, siteUrl: spec.siteURL,
            tags: spec.tags, queryTerms: spec.queryTerms, queryTermPattern: spec.queryTermPattern, intervalSeconds: spec.intervalSeconds ?? defaultIntervalSeconds, nextPollAt: now,
            enabled: spec.enabled, managedByConfig: managedByConfig, createdAt: now)
        try session.insert(&record)
        return record
    }
}
