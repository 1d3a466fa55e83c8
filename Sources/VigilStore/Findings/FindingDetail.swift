/// One finding with everything needed to explain it: the person and their
/// teams, the item with its text, and the feed it came from.
public struct FindingDetail: Sendable, Equatable {
    public var finding: FindingRecord
    public var person: PersonRecord
    public var teams: [String]
    public var item: ItemRecord
    public var feed: FeedRecord
    /// The finding `finding.relatedFindingId` points at (for coverage, the attack it covers).
    public var related: RelatedFinding?

    public init(
        finding: FindingRecord, person: PersonRecord, teams: [String], item: ItemRecord, feed: FeedRecord,
        related: RelatedFinding? = nil
    ) {
        self.finding = finding
        self.person = person
        self.teams = teams
        self.item = item
        self.feed = feed
        self.related = related
    }
}
