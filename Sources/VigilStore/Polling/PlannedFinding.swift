/// One finding a `PollPlan` stores: new (with the ID the plan gave it) or
/// an update of an edited entry's finding.
public struct PlannedFinding: Sendable, Equatable {
    /// The item a new finding belongs to.
    public enum Item: Sendable, Equatable {
        /// A stored item.
        case stored(Int64)
        /// The item the plan inserts at this index of `PollPlan.items`.
        case planned(Int)
    }

    public var item: Item
    /// The finding as it is to be stored; its `itemId` is filled in on commit
    /// for a planned item.
    public var record: FindingRecord
    public var isNew: Bool
    /// For an update: whether its state is written too (an escalation
    /// reopens an acknowledged finding); otherwise only the assessment's
    /// columns are.
    public var reopens: Bool

    public init(item: Item, record: FindingRecord, isNew: Bool, reopens: Bool = false) {
        self.item = item
        self.record = record
        self.isNew = isNew
        self.reopens = reopens
    }
}
