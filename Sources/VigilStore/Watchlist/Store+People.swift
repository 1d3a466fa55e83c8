import Foundation

extension Store {
    /// Adds a person to the watchlist, creating any team named in the spec.
    /// A person already watched is an input error, and nothing is written.
    /// With `auditedAs`, the dashboard user who added them is recorded in the same transaction.
    @discardableResult
    public func addPerson(_ spec: PersonSpec, managedByConfig: Bool = false, auditedAs userName: String? = nil) throws -> PersonEntry {
        let spec = try spec.normalized()
        return try writing { session in
            if try Self.person(named: spec.name, in: session) != nil {
                throw StoreError.badInput("'\(spec.name)' is already watched")
            }
            var record = PersonRecord(
                name: spec.name, aliases: spec.aliases, handles: spec.handles, projects: spec.projects,
                contextTerms: spec.contextTerms, surnameNeedsContext: spec.surnameNeedsContext,
                managedByConfig: managedByConfig)
            try session.insert(&record)
            try Self.setTeams(spec.teams, for: record.id!, managedByConfig: managedByConfig, in: session)
            if let userName {
                try Self.insertAudit(
                    AuditEntry(userName: userName, action: "person add", findingID: nil, detail: spec.name, at: record.createdAt), in: session)
            }
            return PersonEntry(person: record, teams: spec.teams)
        }
    }

    /// Removes a person and, through the foreign keys, their findings. People
    /// declared in the config file are removed there, not here.
    /// With `auditedAs`, the dashboard user who removed them is recorded in the same transaction.
    public func removePerson(named name: String, now: Date = Date(), auditedAs userName: String? = nil) throws {
        try writing { session in
            guard let record = try Self.person(named: name.trimmingCharacters(in: .whitespaces), in: session), let id = record.id else {
                throw StoreError.badInput("no watched person named '\(name)'")
            }
            if record.managedByConfig {
                throw StoreError.badInput("'\(record.name)' is declared in the config file; remove it there")
            }
            try session.delete(PersonRecord.self, id: id)
            try Self.deleteEmptyTeams(in: session)
            if let userName {
                try Self.insertAudit(AuditEntry(userName: userName, action: "person remove", findingID: nil, detail: record.name, at: now), in: session)
            }
        }
    }

    /// Every watched person with their teams, ordered by name.
    public func people() throws -> [PersonEntry] {
        try reading { session in try Self.fetchPeople(in: session) }
    }

    /// One watched person by name (case-insensitive), if watched.
    public func person(named name: String) throws -> PersonEntry? {
        try reading { session in
            guard let record = try Self.person(named: name, in: session) else { return nil }
            return PersonEntry(person: record, teams: try Self.teamNames(of: record.id!, in: session))
        }
    }

    /// Every team with its members' names, ordered by team name.
    public func teams() throws -> [(team: TeamRecord, members: [String])] {
        try reading { session in
            let teams = try session.fetch(TeamRecord.self, "SELECT * FROM teams ORDER BY name COLLATE NOCASE")
            return try teams.map { team in
                let members = try session.values(String.self, """
                    SELECT p.name FROM people p JOIN team_members m ON m.person_id = p.id
                    WHERE m.team_id = ? ORDER BY p.name COLLATE NOCASE
                    """, [team.id])
                return (team, members)
            }
        }
    }

    static func person(named name: String, in session: any SQLSession) throws -> PersonRecord? {
        try session.fetchOne(PersonRecord.self, "SELECT * FROM people WHERE name = ?", [name])
    }

    static func fetchPeople(in session: any SQLSession) throws -> [PersonEntry] {
        let records = try session.fetch(PersonRecord.self, "SELECT * FROM people ORDER BY name COLLATE NOCASE")
        var teamsByPerson: [Int64: [String]] = [:]
        let rows = try session.rows("""
            SELECT m.person_id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id
            ORDER BY t.name COLLATE NOCASE
            """, [])
        for row in rows {
            teamsByPerson[try row.get(0, as: Int64.self), default: []].append(try row.get(1))
        }
        return records.map { PersonEntry(person: $0, teams: teamsByPerson[$0.id!] ?? []) }
    }

    static func teamNames(of personID: Int64, in session: any SQLSession) throws -> [String] {
        try session.values(String.self, """
            SELECT t.name FROM teams t JOIN team_members m ON m.team_id = t.id
            WHERE m.person_id = ? ORDER BY t.name COLLATE NOCASE
            """, [personID])
    }

    /// Replaces a person's team memberships, creating teams on first use.
    static func setTeams(_ names: [String], for personID: Int64, managedByConfig: Bool, in session: any SQLSession) throws {
        try session.execute("DELETE FROM team_members WHERE person_id = ?", [personID])
        for name in names {
            var team = try Self.team(named: name, in: session)
            if team == nil {
                var created = TeamRecord(name: name, managedByConfig: managedByConfig)
                try session.insert(&created)
                team = created
            }
            try session.execute(
                "INSERT INTO team_members (team_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [team!.id!, personID])
        }
        try deleteEmptyTeams(in: session)
    }

    static func team(named name: String, in session: any SQLSession) throws -> TeamRecord? {
        try session.fetchOne(TeamRecord.self, "SELECT * FROM teams WHERE name = ?", [name])
    }

    static func deleteEmptyTeams(in session: any SQLSession) throws {
        try session.execute("""
            DELETE FROM teams WHERE managed_by_config = 0
            AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = teams.id)
            """, [])
    }
}
