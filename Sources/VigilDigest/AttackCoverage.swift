/// One attack in a person's digest with the coverage that reports on it.
public struct AttackCoverage: Sendable, Equatable, Codable {
    public var attack: DigestFinding
    /// False for an attack found before the period, listed because coverage
    /// in the period reports on it.
    public var inPeriod: Bool
    /// Coverage of the period linked to this attack, oldest first (capped).
    public var coverage: [DigestFinding]
    /// Linked coverage of the period beyond those listed.
    public var moreCoverage: Int

    public init(attack: DigestFinding, inPeriod: Bool, coverage: [DigestFinding], moreCoverage: Int = 0) {
        self.attack = attack
        self.inPeriod = inPeriod
        self.coverage = coverage
        self.moreCoverage = moreCoverage
    }

    enum CodingKeys: String, CodingKey {
        case attack, coverage
        case inPeriod = "in_period"
        case moreCoverage = "more_coverage"
    }
}
