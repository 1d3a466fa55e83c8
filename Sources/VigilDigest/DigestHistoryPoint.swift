/// One period of the trend line: its span and its counts.
public struct DigestHistoryPoint: Sendable, Equatable, Codable {
    public var period: DigestPeriod
    public var mentions: Int
    public var hostile: Int

    public init(period: DigestPeriod, mentions: Int, hostile: Int) {
        self.period = period
        self.mentions = mentions
        self.hostile = hostile
    }
}
