import Foundation

/// What the store held for one feed poll when it was read, the answer to a
/// `PollSnapshotRequest`. A plan made from it is committed only if the
/// findings it would number are still free (`PollPlan.firstNewFindingID`).
public struct PollSnapshot: Sendable, Equatable {
    /// Each requested entry's status, in request order.
    public var statuses: [EntryStatus]
    /// Source histories of the entries that mention someone and are new or
    /// edited, by request index.
    public var histories: [Int: StoredHistory]
    /// The stored rows of the edited entries, by item ID.
    public var editedItems: [Int64: ItemRecord]
    /// The findings of the edited entries, by item ID.
    public var findings: [Int64: [FindingRecord]]
    /// The mentioned people still watched, with their teams, by person ID.
    public var people: [Int64: PersonEntry]
    /// Whether another feed row already has the requested `movedURL`.
    public var movedURLTaken: Bool
    /// The ID the next finding stored gets.
    public var nextFindingID: Int64
    /// For new and edited entries that mention someone, by request index:
    /// the pull request a watched person closed that their author's trail
    /// leads to (`ClosedPullRequest`).
    public var trails: [Int: ClosedPullRequest] = [:]

    public init(
        statuses: [EntryStatus] = [], histories: [Int: StoredHistory] = [:], editedItems: [Int64: ItemRecord] = [:],
        findings: [Int64: [FindingRecord]] = [:], people: [Int64: PersonEntry] = [:],
        movedURLTaken: Bool = false, nextFindingID: Int64 = 1
    ) {
        self.statuses = statuses
        self.histories = histories
        self.editedItems = editedItems
        self.findings = findings
        self.people = people
        self.movedURLTaken = movedURLTaken
        self.nextFindingID = nextFindingID
    }
}
