/// How many attacks and how much coverage were found about one person in
/// one period of a trend.
public struct WeeklyKindCount: Sendable, Equatable {
    public var attacks: Int
    public var coverage: Int

    public init(attacks: Int = 0, coverage: Int = 0) {
        self.attacks = attacks
        self.coverage = coverage
    }

    public static func + (lhs: WeeklyKindCount, rhs: WeeklyKindCount) -> WeeklyKindCount {
        WeeklyKindCount(attacks: lhs.attacks + rhs.attacks, coverage: lhs.coverage + rhs.coverage)
    }
}
