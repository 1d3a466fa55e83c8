import Foundation

/// Where a post's source history stops: the items vigil first saw in an
/// earlier poll, and those of the same poll published before it.
///
/// Items of earlier polls count whatever dates they carry: published dates
/// are written by the source, and a post must not shed its source's record
/// by claiming an old date. Within one poll vigil has no order of its own,
/// so the published dates give it (an item without one counts as published
/// when first seen), strictly: items of one poll never count each other.
/// A feed added today with twenty old agent posts and one new attack gets
/// the prior on its first poll.
public struct HistoryCutoff: Sendable, Equatable {
    /// When the post was first seen: the time of the poll that stored it.
    public var firstSeen: Date
    /// The post's published time, or `firstSeen` when it has none.
    public var published: Date

    public init(firstSeen: Date, published: Date?) {
        self.firstSeen = firstSeen
        self.published = published ?? firstSeen
    }

    /// The cutoff of a stored item, as the poll that scored it saw it.
    public init(item: ItemRecord) {
        self.init(firstSeen: item.firstSeenAt, published: item.publishedAt)
    }

    /// Everything stored: for summaries that are not about one post.
    public static let everything = HistoryCutoff(firstSeen: .distantFuture, published: .distantFuture)
}
