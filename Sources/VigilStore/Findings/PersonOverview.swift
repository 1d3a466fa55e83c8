import Foundation

/// One watched person as the dashboard's overview shows them: how many
/// attacks are still open, and how much was found besides.
public struct PersonOverview: Sendable, Equatable {
    public var name: String
    public var teams: [String]
    /// Attacks nobody has acknowledged yet.
    public var openAttacks: Int
    public var attacks: Int
    public var coverage: Int
    public var mentions: Int
    /// When the newest attack was found, if any was.
    public var latestAttackAt: Date?

    public init(
        name: String, teams: [String], openAttacks: Int, attacks: Int, coverage: Int, mentions: Int, latestAttackAt: Date?
    ) {
        self.name = name
        self.teams = teams
        self.openAttacks = openAttacks
        self.attacks = attacks
        self.coverage = coverage
        self.mentions = mentions
        self.latestAttackAt = latestAttackAt
    }
}
