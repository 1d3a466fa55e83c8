import VigilStore

/// One watched person's line in a digest.
public struct PersonDigest: Sendable, Equatable, Codable {
    public var name: String
    public var teams: [String]
    public var counts: FindingCounts
    public var previous: FindingCounts
    /// Hostile findings per period of the digest's history, oldest first.
    public var hostileHistory: [Int]

    public init(name: String, teams: [String], counts: FindingCounts, previous: FindingCounts, hostileHistory: [Int]) {
        self.name = name
        self.teams = teams
        self.counts = counts
        self.previous = previous
        self.hostileHistory = hostileHistory
    }

    enum CodingKeys: String, CodingKey {
        case name, teams, counts, previous
        case hostileHistory = "hostile_history"
    }
}
