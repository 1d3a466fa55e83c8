/// How many findings fell in a period, by severity, and how many of them
/// look agent-written. Sums across people give team and overall totals,
/// since every finding is about exactly one person.
public struct FindingCounts: Sendable, Equatable, Codable {
    /// Every finding: one per item and person mentioned.
    public var mentions: Int
    public var low: Int
    public var medium: Int
    public var high: Int
    /// Mentions whose agent score reached the threshold.
    public var agentLike: Int
    /// Hostile findings (low and above) whose agent score reached the threshold.
    public var agentLikeHostile: Int
    /// Findings of kind attack, of any severity.
    public var attacks: Int
    /// Findings of kind coverage: reports on an attack or controversy.
    public var coverage: Int

    public init(
        mentions: Int = 0, low: Int = 0, medium: Int = 0, high: Int = 0, agentLike: Int = 0, agentLikeHostile: Int = 0,
        attacks: Int = 0, coverage: Int = 0
    ) {
        self.mentions = mentions
        self.low = low
        self.medium = medium
        self.high = high
        self.agentLike = agentLike
        self.agentLikeHostile = agentLikeHostile
        self.attacks = attacks
        self.coverage = coverage
    }

    public static let zero = FindingCounts()

    /// Findings of low severity and above.
    public var hostile: Int { low + medium + high }

    public func count(of severity: Severity) -> Int {
        switch severity {
        case .none: mentions - hostile
        case .low: low
        case .medium: medium
        case .high: high
        }
    }

    /// Findings of one kind; `mentions` counts every finding, so findings
    /// of kind mention are the ones neither attack nor coverage.
    public func count(of kind: FindingKind) -> Int {
        switch kind {
        case .attack: attacks
        case .coverage: coverage
        case .mention: mentions - attacks - coverage
        }
    }

    public static func + (lhs: FindingCounts, rhs: FindingCounts) -> FindingCounts {
        FindingCounts(
            mentions: lhs.mentions + rhs.mentions, low: lhs.low + rhs.low, medium: lhs.medium + rhs.medium,
            high: lhs.high + rhs.high, agentLike: lhs.agentLike + rhs.agentLike,
            agentLikeHostile: lhs.agentLikeHostile + rhs.agentLikeHostile,
            attacks: lhs.attacks + rhs.attacks, coverage: lhs.coverage + rhs.coverage)
    }

    enum CodingKeys: String, CodingKey {
        case mentions, low, medium, high, attacks, coverage
        case agentLike = "agent_like"
        case agentLikeHostile = "agent_like_hostile"
    }
}
