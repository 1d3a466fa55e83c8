/// A person's findings of the period in the order a digest reads them:
/// attacks first, each with the coverage that reports on it; then coverage
/// for which no attack is known; then the mentions. Lists are capped; the
/// `more…` counts say how many were left out.
public struct PersonFindings: Sendable, Equatable, Codable {
    /// The period's attacks, most severe first, then attacks from before the
    /// period that the period's coverage reports on, newest first.
    public var attacks: [AttackCoverage]
    public var moreAttacks: Int
    /// Coverage not linked to any attack finding.
    public var otherCoverage: [DigestFinding]
    public var moreOtherCoverage: Int
    public var mentions: [DigestFinding]
    public var moreMentions: Int

    public init(
        attacks: [AttackCoverage] = [], moreAttacks: Int = 0, otherCoverage: [DigestFinding] = [], moreOtherCoverage: Int = 0,
        mentions: [DigestFinding] = [], moreMentions: Int = 0
    ) {
        self.attacks = attacks
        self.moreAttacks = moreAttacks
        self.otherCoverage = otherCoverage
        self.moreOtherCoverage = moreOtherCoverage
        self.mentions = mentions
        self.moreMentions = moreMentions
    }

    public static let empty = PersonFindings()

    public var isEmpty: Bool { attacks.isEmpty && otherCoverage.isEmpty && mentions.isEmpty }

    enum CodingKeys: String, CodingKey {
        case attacks, mentions
        case moreAttacks = "more_attacks"
        case otherCoverage = "other_coverage"
        case moreOtherCoverage = "more_other_coverage"
        case moreMentions = "more_mentions"
    }
}
