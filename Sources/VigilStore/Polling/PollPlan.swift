import Foundation

/// Everything one feed poll writes, decided before the write transaction
/// starts: the feed's new state, its items, their findings, the links
/// between findings, and the alerts to queue. `Store.commit(_:)` writes it
/// in one transaction and decides nothing.
public struct PollPlan: Sendable, Equatable {
    /// The feed's state after the poll (see `Store.savePollState`).
    public var feed: FeedRecord
    /// The poll's time: first and last sight of its items, the findings' times.
    public var time: Date
    public var items: [PlannedItem]
    public var findings: [PlannedFinding]
    public var relations: [PlannedRelation]
    /// Outbox rows, each for a finding of the plan or a stored one.
    public var alerts: [RoutedAlert]
    /// The ID of the plan's first new finding (the snapshot's
    /// `nextFindingID`): alerts already name the new findings by ID, so the
    /// plan is stale if a finding has taken it meanwhile.
    public var firstNewFindingID: Int64

    public init(
        feed: FeedRecord, time: Date, items: [PlannedItem] = [], findings: [PlannedFinding] = [],
        relations: [PlannedRelation] = [], alerts: [RoutedAlert] = [], firstNewFindingID: Int64 = 1
    ) {
        self.feed = feed
        self.time = time
        self.items = items
        self.findings = findings
        self.relations = relations
        self.alerts = alerts
        self.firstNewFindingID = firstNewFindingID
    }
}
