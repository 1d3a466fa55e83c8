import Foundation
import GRDB

/// What syncing the config file into the database changed.
public struct ConfigSyncSummary: Sendable, Equatable {
    public var peopleAdded = 0
    public var peopleUpdated = 0
    public var peopleRemoved = 0
    public var feedsAdded = 0
    public var feedsUpdated = 0
    public var feedsRemoved = 0

    public init() {}
}

extension Store {
    /// Makes the database's config-managed people, teams and feeds match the
    /// config file, in one transaction. Entries added with the CLI are left
    /// alone; a config entry that collides with one adopts it.
    @discardableResult
    public func syncConfig(
        people: [PersonSpec], teams: [String], feeds: [FeedSpec], defaultIntervalSeconds: Int, now: Date = Date()
    ) throws -> ConfigSyncSummary {
        let people = try people.map { try $0.normalized() }
        let feeds = try feeds.map { try $0.validated() }
        let teams = try PersonSpec.cleanList(teams, what: "team")
        return try write { db in
            var summary = ConfigSyncSummary()
            for name in teams {
                if var team = try TeamRecord.filter(Column("name") == name).fetchOne(db) {
                    if !team.managedByConfig { team.managedByConfig = true; try team.update(db) }
                } else {
                    var team = TeamRecord(name: name, managedByConfig: true, createdAt: now)
                    try team.insert(db)
                }
            }
            try TeamRecord.filter(Column("managed_by_config") == true && !teams.contains(Column("name")))
                .updateAll(db, Column("managed_by_config").set(to: false))

            var declaredNames = Set<String>()
            for spec in people {
                declaredNames.insert(spec.name.lowercased())
                if var record = try PersonRecord.filter(Column("name") == spec.name).fetchOne(db) {
                    let before = record
                    record.aliases = spec.aliases
                    record.handles = spec.handles
                    record.projects = spec.projects
                    record.contextTerms = spec.contextTerms
                    record.surnameNeedsContext = spec.surnameNeedsContext
                    record.managedByConfig = true
                    let teamsBefore = try Self.teamNames(of: record.id!, in: db)
                    if record != before || teamsBefore.map({ $0.lowercased() }).sorted() != spec.teams.map({ $0.lowercased() }).sorted() {
                        record.updatedAt = now
                        try record.update(db)
                        try Self.setTeams(spec.teams, for: record.id!, managedByConfig: true, in: db)
                        summary.peopleUpdated += 1
                    }
                } else {
                    var record = PersonRecord(
                        name: spec.name, aliases: spec.aliases, handles: spec.handles, projects: spec.projects,
                        contextTerms: spec.contextTerms, surnameNeedsContext: spec.surnameNeedsContext,
                        managedByConfig: true, createdAt: now, updatedAt: now)
                    try record.insert(db)
                    try Self.setTeams(spec.teams, for: record.id!, managedByConfig: true, in: db)
                    summary.peopleAdded += 1
                }
            }
            for record in try PersonRecord.filter(Column("managed_by_config") == true).fetchAll(db)
            where !declaredNames.contains(record.name.lowercased()) {
                try record.delete(db)
                summary.peopleRemoved += 1
            }

            var declaredURLs = Set<String>()
            for spec in feeds {
                declaredURLs.insert(spec.url)
                if var record = try FeedRecord.filter(Column("url") == spec.url).fetchOne(db) {
                    let before = record
                    record.title = spec.title ?? record.title
                    record.siteUrl = spec.siteURL ?? record.siteUrl
                    record.tags = spec.tags
                    record.intervalSeconds = spec.intervalSeconds ?? defaultIntervalSeconds
                    record.enabled = spec.enabled && before.disabledReason == nil
                    record.managedByConfig = true
                    if record != before {
                        try record.update(db)
                        summary.feedsUpdated += 1
                    }
                } else {
                    try Self.insertFeed(spec, defaultIntervalSeconds: defaultIntervalSeconds, managedByConfig: true, now: now, in: db)
                    summary.feedsAdded += 1
                }
            }
            for record in try FeedRecord.filter(Column("managed_by_config") == true).fetchAll(db)
            where !declaredURLs.contains(record.url) {
                try record.delete(db)
                summary.feedsRemoved += 1
            }
            try Self.deleteEmptyTeams(in: db)
            return summary
        }
    }
}
