import Foundation

/// One scored item of a feed's or author's history, as the source prior
/// reads it.
public struct HistoryPost: Sendable, Equatable {
    public var itemID: Int64
    /// The published time, or the first-seen time when the item has none.
    public var published: Date
    /// The item's text-only agent score; for an item scored before migration
    /// 3, the highest agent score of its findings.
    public var agent: Double

    public init(itemID: Int64, published: Date, agent: Double) {
        self.itemID = itemID
        self.published = published
        self.agent = agent
    }
}
