import Foundation
import GRDB

extension Store {
    /// Every watched person the teams may see (nil: everyone), those with
    /// open attacks first, then by attacks, coverage and name: who needs
    /// attention comes first.
    public func personOverview(visibleTeams: [String]?) throws -> [PersonOverview] {
        try read { db in
            let counts = try Row.fetchAll(db, sql: """
                SELECT person_id,
                       SUM(kind = 'attack' AND state = 'new') AS open_attacks,
                       SUM(kind = 'attack') AS attacks,
                       SUM(kind = 'coverage') AS coverage,
                       SUM(kind = 'mention') AS mentions,
                       MAX(CASE WHEN kind = 'attack' THEN created_at END) AS latest_attack_at
                FROM findings GROUP BY person_id
                """)
            var byPerson: [Int64: Row] = [:]
            for row in counts { byPerson[row["person_id"]] = row }
            let visible = visibleTeams.map { Set($0.map { $0.lowercased() }) }
            let people = try Self.fetchPeople(in: SQLiteSession(db: db)).filter { entry in
                guard let visible else { return true }
                return entry.teams.contains { visible.contains($0.lowercased()) }
            }
            let overview = people.map { entry in
                let row = byPerson[entry.person.id!]
                return PersonOverview(
                    name: entry.person.name, teams: entry.teams,
                    openAttacks: row?["open_attacks"] ?? 0, attacks: row?["attacks"] ?? 0,
                    coverage: row?["coverage"] ?? 0, mentions: row?["mentions"] ?? 0,
                    latestAttackAt: row?["latest_attack_at"])
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
