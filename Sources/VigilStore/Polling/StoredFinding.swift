/// A finding with what an alert needs to describe it: the person, the item
/// and the feed it came from.
public struct StoredFinding: Sendable, Equatable {
    public var finding: FindingRecord
    public var person: PersonRecord
    public var teams: [String]
    public var item: ItemRecord
    public var feed: FeedRecord
    /// The severity the finding had before this update; nil for a new finding.
    public var previousSeverity: Severity?

    public init(finding: FindingRecord, person: PersonRecord, teams: [String], item: ItemRecord, feed: FeedRecord, previousSeverity: Severity?) {
        self.finding = finding
        self.person = person
        self.teams = teams
        self.item = item
        self.feed = feed
        self.previousSeverity = previousSeverity
    }
}
