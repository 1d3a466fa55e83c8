import Foundation

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
        return try writing { session in
            if session.kind == .postgreSQL {
                // Workers starting together each sync the same config: one at a time.
                try session.execute("SELECT pg_advisory_xact_lock(?)", [Self.configSyncLock])
            }
            var summary = ConfigSyncSummary()
            for name in teams {
                if var team = try Self.team(named: name, in: session) {
                    if !team.managedByConfig { team.managedByConfig = true; try session.update(team) }
                } else {
                    var team = TeamRecord(name: name, managedByConfig: true, createdAt: now)
                    try session.insert(&team)
                }
            }
            let declaredTeams = SQLList(teams)
            try session.execute(
                "UPDATE teams SET managed_by_config = 0 WHERE managed_by_config = 1 AND \(declaredTeams.excludes("name"))",
                declaredTeams.values)

            var declaredNames = Set<String>()
            for spec in people {
                declaredNames.insert(spec.name.lowercased())
                if var record = try Self.person(named: spec.name, in: session) {
                    let before = record
                    record.aliases = spec.aliases
                    record.handles = spec.handles
                    record.projects = spec.projects
                    record.contextTerms = spec.contextTerms
                    record.surnameNeedsContext = spec.surnameNeedsContext
                    record.managedByConfig = true
                    let teamsBefore = try Self.teamNames(of: record.id!, in: session)
                    if record != before || teamsBefore.map({ $0.lowercased() }).sorted() != spec.teams.map({ $0.lowercased() }).sorted() {
                        record.updatedAt = now
                        try session.update(record)
                        try Self.setTeams(spec.teams, for: record.id!, managedByConfig: true, in: session)
                        summary.peopleUpdated += 1
                    }
                } else {
                    var record = PersonRecord(
                        name: spec.name, aliases: spec.aliases, handles: spec.handles, projects: spec.projects,
                        contextTerms: spec.contextTerms, surnameNeedsContext: spec.surnameNeedsContext,
                        managedByConfig: true, createdAt: now, updatedAt: now)
                    try session.insert(&record)
                    try Self.setTeams(spec.teams, for: record.id!, managedByConfig: true, in: session)
                    summary.peopleAdded += 1
                }
            }
            for record in try session.fetch(PersonRecord.self, "SELECT * FROM people WHERE managed_by_config = 1")
            where !declaredNames.contains(record.name.lowercased()) {
                try session.delete(PersonRecord.self, id: record.id!)
                summary.peopleRemoved += 1
            }

            var declaredURLs = Set<String>()
            for spec in feeds {
                declaredURLs.insert(spec.url)
                if var record = try session.fetchOne(FeedRecord.self, "SELECT * FROM feeds WHERE url = ?", [spec.url]) {
                    let before = record
                    record.title = spec.title ?? record.title
                    record.siteUrl = spec.siteURL ?? record.siteUrl
                    record.tags = spec.tags
                    record.intervalSeconds = spec.intervalSeconds ?? defaultIntervalSeconds
                    record.enabled = spec.enabled && before.disabledReason == nil
                    record.managedByConfig = true
                    if record != before {
                        try session.update(record)
                        summary.feedsUpdated += 1
                    }
                } else {
                    try Self.insertFeed(spec, defaultIntervalSeconds: defaultIntervalSeconds, managedByConfig: true, now: now, in: session)
                    summary.feedsAdded += 1
                }
            }
            for record in try session.fetch(FeedRecord.self, "SELECT * FROM feeds WHERE managed_by_config = 1")
            where !declaredURLs.contains(record.url) {
                try session.delete(FeedRecord.self, id: record.id!)
                summary.feedsRemoved += 1
            }
            try Self.deleteEmptyTeams(in: session)
            return summary
        }
    }

    /// The advisory lock key under which PostgreSQL workers sync the config.
    static let configSyncLock: Int64 = 0x7669_6769_6C00_0003
}
