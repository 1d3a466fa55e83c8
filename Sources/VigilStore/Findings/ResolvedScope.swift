import Foundation

/// A scope checked against the database: the stored spelling of the name
/// and, for a person or a team, the SQL that restricts findings to it.
struct ResolvedScope {
    let scope: FindingScope
    /// The condition on `person_id` with its arguments, or nil for everyone.
    let personCondition: (sql: String, arguments: [any SQLValueConvertible])?

    /// Resolves names case-insensitively; an unknown person or team is an
    /// input error rather than an empty result, so a typo is not mistaken
    /// for a quiet week.
    static func resolve(_ scope: FindingScope, in session: any SQLSession) throws -> ResolvedScope {
        switch scope {
        case .all:
            return ResolvedScope(scope: .all, personCondition: nil)
        case .person(let name):
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let row = try session.row("SELECT id, name FROM people WHERE name = ?", [trimmed]) else {
                throw StoreError.badInput("no watched person named '\(name)'")
            }
            let id = try row.get("id", as: Int64.self)
            return ResolvedScope(scope: .person(try row.get("name")), personCondition: ("person_id = ?", [id]))
        case .team(let name):
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let row = try session.row("SELECT id, name FROM teams WHERE name = ?", [trimmed]) else {
                throw StoreError.badInput("no team named '\(name)'")
            }
            let id = try row.get("id", as: Int64.self)
            return ResolvedScope(
                scope: .team(try row.get("name")),
                personCondition: ("person_id IN (SELECT person_id FROM team_members WHERE team_id = ?)", [id]))
        }
    }

    /// The people in scope with their teams, ordered by name.
    func people(in session: any SQLSession) throws -> [PersonEntry] {
        let everyone = try Store.fetchPeople(in: session)
        switch scope {
        case .all: return everyone
        case .person(let name): return everyone.filter { $0.person.name == name }
        case .team(let name): return everyone.filter { $0.teams.contains(name) }
        }
    }
}
