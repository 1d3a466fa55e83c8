/// A stored person together with the names of the teams they belong to.
public struct PersonEntry: Sendable, Equatable {
    public var person: PersonRecord
    public var teams: [String]

    public init(person: PersonRecord, teams: [String]) {
        self.person = person
        self.teams = teams
    }
}
