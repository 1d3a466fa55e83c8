/// Mentions and hostile findings in one period of a trend.
public struct HistoryCount: Sendable, Equatable, Codable {
    public var mentions: Int
    public var hostile: Int

    public init(mentions: Int = 0, hostile: Int = 0) {
        self.mentions = mentions
        self.hostile = hostile
    }

    public static func + (lhs: HistoryCount, rhs: HistoryCount) -> HistoryCount {
        HistoryCount(mentions: lhs.mentions + rhs.mentions, hostile: lhs.hostile + rhs.hostile)
    }
}
