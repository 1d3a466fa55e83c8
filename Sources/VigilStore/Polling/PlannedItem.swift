/// One write of an item that a `PollPlan` asks for.
public enum PlannedItem: Sendable, Equatable {
    /// Seen again unchanged: only its last-seen time moves to the plan's time.
    case seen(itemID: Int64)
    /// A new row. With `requiresUnseenContent`, its content must still be
    /// unknown to every feed when the plan commits, or the plan is stale
    /// (another feed stored the same post meanwhile).
    case insert(ItemRecord, requiresUnseenContent: Bool)
    /// The stored row of an edited entry, with its new values.
    case update(ItemRecord)
}

extension PlannedItem {
    /// Whether the write adds a row.
    public var isInsert: Bool {
        if case .insert = self { return true }
        return false
    }
}
