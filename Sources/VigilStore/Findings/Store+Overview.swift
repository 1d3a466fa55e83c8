import Foundation

extension Store {
    /// Every watched person the teams may see (nil: everyone), those with
    /// open attacks first, then by attacks, coverage and name: who needs
    /// attention comes first.
    public func personOverview(visibleTeams: [String]?) throws -> [PersonOverview] {
        try reading { session in
            let counts = try session.rows("""
                SELECT person_id,
                       SUM(CASE WHEN kind = 'attack' AND state = 'new' THEN 1 ELSE 0 END) AS open_attacks,
                       SUM(CASE WHEN kind = 'attack' THEN 1 ELSE 0 END) AS attacks,
                       SUM(CASE WHEN kind = 'coverage' THEN 1 ELSE 0 END) AS coverage,
                       SUM(CASE WHEN kind = 'mention' THEN 1 ELSE 0 END) AS mentions,
                       MAX(CASE WHEN kind = 'attack' THEN created_at END) AS latest_attack_at
                FROM findings GROUP BY person_id
                """, [])
            var byPerson: [Int64: SQLRow] = [:]
            for row in counts { byPerson[try row.get("person_id", as: Int64.self)] = row }
            let visible = visibleTeams.map { Set($0.map { $0.lowercased() }) }
            let people = try Self.fetchPeople(in: session).filter { entry in
                guard let visible else { return true }
                return entry.teams.contains { visible.contains($0.lowercased()) }
            }
            let overview = try people.map { entry in
                let row = byPerson[entry.person.id!]
                func count(_ column: String) throws -> Int { try row?.get(column, as: Int.self) ?? 0 }
                return PersonOverview(
                    name: entry.person.name, teams: entry.teams,
                    openAttacks: try count("open_attacks"), attacks: try count("attacks"),
                    coverage: try count("coverage"), mentions: try count("mentions"),
                    latestAttackAt: try row?.get("latest_attack_at", as: Date?.self) ?? nil)
            }
            return overview.sorted { lhs, rhs in
                if lhs.openAttacks != rhs.openAttacks { return lhs.openAttacks > rhs.openAttacks }
                if lhs.attacks != rhs.attacks { return lhs.attacks > rhs.attacks }
                if lhs.coverage != rhs.coverage { return lhs.coverage > rhs.coverage }
                return lhs.name.localizedCaseInsensitiveCompare(rhs.name) == .orderedAscending
            }
        }
    }
}
