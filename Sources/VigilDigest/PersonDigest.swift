import VigilStore

/// One watched person's line in a digest.
public struct PersonDigest: Sendable, Equatable, Codable {
    public var name: String
    public var teams: [String]
    public var counts: FindingCounts
    public var previous: FindingCounts
    /// Hostile findings per period of the digest's history, oldest first.
    public var hostileHistory: [Int]
    /// The period's findings: attacks with their coverage, other coverage, mentions.
    public var findings: PersonFindings

    public init(
        name: String, teams: [String], counts: FindingCounts, previous: FindingCounts, hostileHistory: [Int],
        findings: PersonFindings = .empty
    ) {
        self.name = name
        self.teams = teams
        self.counts = counts
        self.previous = previous
        self.hostileHistory = hostileHistory
        self.findings = findings
    }

    enum CodingKeys: String, CodingKey {
        case name, teams, counts, previous, findings
        case hostileHistory = "hostile_history"
    }
}
