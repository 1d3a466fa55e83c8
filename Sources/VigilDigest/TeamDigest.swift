import VigilStore

/// One team's line in a digest: its members' findings summed.
public struct TeamDigest: Sendable, Equatable, Codable {
    public var name: String
    public var members: Int
    public var counts: FindingCounts
    public var previous: FindingCounts
    /// Hostile findings per period of the digest's history, oldest first.
    public var hostileHistory: [Int]

    public init(name: String, members: Int, counts: FindingCounts, previous: FindingCounts, hostileHistory: [Int]) {
        self.name = name
        self.members = members
        self.counts = counts
        self.previous = previous
        self.hostileHistory = hostileHistory
    }

    enum CodingKeys: String, CodingKey {
        case name, members, counts, previous
        case hostileHistory = "hostile_history"
    }
}
