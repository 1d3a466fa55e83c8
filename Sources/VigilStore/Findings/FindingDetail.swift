/// One finding with everything needed to explain it: the person and their
/// teams, the item with its text, and the feed it came from.
public struct FindingDetail: Sendable, Equatable {
    public var finding: FindingRecord
    public var person: PersonRecord
    public var teams: [String]
    public var item: ItemRecord
    public var feed: FeedRecord

    public init(finding: FindingRecord, person: PersonRecord, teams: [String], item: ItemRecord, feed: FeedRecord) {
        self.finding = finding
        self.person = person
        self.teams = teams
        self.item = item
        self.feed = feed
    }
}
