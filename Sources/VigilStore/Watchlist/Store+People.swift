import Foundation
import GRDB

extension Store {
    /// Adds a person to the watchlist, creating any team named in the spec.
    /// A person already watched is an input error, and nothing is written.
    @discardableResult
    public func addPerson(_ spec: PersonSpec, managedByConfig: Bool = false) throws -> PersonEntry {
        let spec = try spec.normalized()
        return try write { db in
            if try PersonRecord.filter(Column("name") == spec.name).fetchOne(db) != nil {
                throw StoreError.badInput("'\(spec.name)' is already watched")
            }
            var record = PersonRecord(
                name: spec.name, aliases: spec.aliases, handles: spec.handles, projects: spec.projects,
                contextTerms: spec.contextTerms, surnameNeedsContext: spec.surnameNeedsContext,
                managedByConfig: managedByConfig)
            try record.insert(db)
            try Self.setTeams(spec.teams, for: record.id!, managedByConfig: managedByConfig, in: db)
            return PersonEntry(person: record, teams: spec.teams)
        }
    }

    /// Removes a person and, through the foreign keys, their findings. People
    /// declared in the config file are removed there, not here.
    public func removePerson(named name: String) throws {
        try write { db in
            guard let record = try PersonRecord.filter(Column("name") == name.trimmingCharacters(in: .whitespaces)).fetchOne(db) else {
                throw StoreError.badInput("no watched person named '\(name)'")
            }
            if record.managedByConfig {
                throw StoreError.badInput("'\(record.name)' is declared in the config file; remove it there")
            }
            try record.delete(db)
            try Self.deleteEmptyTeams(in: db)
        }
    }

    /// Every watched person with their teams, ordered by name.
    public func people() throws -> [PersonEntry] {
        try read { db in try Self.fetchPeople(in: db) }
    }

    /// One watched person by name (case-insensitive), if watched.
    public func person(named name: String) throws -> PersonEntry? {
        try read { db in
            guard let record = try PersonRecord.filter(Column("name") == name).fetchOne(db) else { return nil }
            return PersonEntry(person: record, teams: try Self.teamNames(of: record.id!, in: db))
        }
    }

    /// Every team with its members' names, ordered by team name.
    public func teams() throws -> [(team: TeamRecord, members: [String])] {
        try read { db in
            let teams = try TeamRecord.order(Column("name").collating(.nocase)).fetchAll(db)
            return try teams.map { team in
                let members = try String.fetchAll(db, sql: """
                    SELECT p.name FROM people p JOIN team_members m ON m.person_id = p.id
                    WHERE m.team_id = ? ORDER BY p.name COLLATE NOCASE
                    """, arguments: [team.id])
                return (team, members)
            }
        }
    }

    static func fetchPeople(in db: Database) throws -> [PersonEntry] {
        let records = try PersonRecord.order(Column("name").collating(.nocase)).fetchAll(db)
        var teamsByPerson: [Int64: [String]] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.person_id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id
            ORDER BY t.name COLLATE NOCASE
            """)
        for row in rows {
            teamsByPerson[row[0], default: []].append(row[1])
        }
        return records.map { PersonEntry(person: $0, teams: teamsByPerson[$0.id!] ?? []) }
    }

    static func teamNames(of personID: Int64, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT t.name FROM teams t JOIN team_members m ON m.team_id = t.id
            WHERE m.person_id = ? ORDER BY t.name COLLATE NOCASE
            """, arguments: [personID])
    }

    /// Replaces a person's team memberships, creating teams on first use.
    static func setTeams(_ names: [String], for personID: Int64, managedByConfig: Bool, in db: Database) throws {
        try TeamMemberRecord.filter(Column("person_id") == personID).deleteAll(db)
        for name in names {
            var team = try TeamRecord.filter(Column("name") == name).fetchOne(db)
            if team == nil {
                var created = TeamRecord(name: name, managedByConfig: managedByConfig)
                try created.insert(db)
                team = created
            }
            try TeamMemberRecord(teamId: team!.id!, personId: personID).insert(db, onConflict: .ignore)
        }
        try deleteEmptyTeams(in: db)
    }

    static func deleteEmptyTeams(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM teams WHERE managed_by_config = 0
            AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = teams.id)
            """)
    }
}
