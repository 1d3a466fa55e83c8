import Foundation
import VigilScoring
import VigilStore

/// The agent scores of one feed poll's entries before the poll is stored,
/// so that the source prior of a post in that poll counts what the store
/// will hold once it commits, which is what `vigil findings show` reads
/// later: the new entries published before the post, and the edited
/// entries' new scores.
public struct PollScores: Sendable {
    /// A new entry of the poll, to be stored with `time` as its first sight.
    public struct Entry: Sendable, Equatable {
        public var author: String?
        /// Its published time, or the poll's time when it has none.
        public var published: Date
        public var agent: Double

        public init(author: String?, published: Date, agent: Double) {
            self.author = author
            self.published = published
            self.agent = agent
        }
    }

    /// The poll's time: the first sight of its new entries.
    public var time: Date
    /// New entries, in the order the store inserts them.
    public var new: [Entry] = []
    /// New scores of edited entries, by item ID.
    public var edited: [Int64: Double] = [:]

    public init(time: Date) {
        self.time = time
    }

    /// A poll that stores nothing: the history is the store's alone.
    public static let none = PollScores(time: .distantPast)

    /// `stored`, the store's history up to `cutoff` (at most `limit` posts,
    /// newest first), with this poll's new scores for edited items, after
    /// this poll's new entries that `cutoff` takes (all of them from the
    /// poll's own time, published strictly before the post, by `author` when
    /// one is given): the list the store will return for the same cutoff once
    /// the poll is committed.
    public func merged(with stored: [HistoryPost], upTo cutoff: HistoryCutoff, author: String?, limit: Int) -> [SourcePrior.Post] {
        var posts: [SourcePrior.Post] = []
        if cutoff.firstSeen == time {
            // Newest first as the store orders them: by published time, then
            // the later-inserted first.
            let taken = new.indices
                .filter { new[$0].published < cutoff.published && (author == nil || new[$0].author == author) }
                .sorted { (new[$0].published, $0) > (new[$1].published, $1) }
            posts = taken.map { SourcePrior.Post(published: new[$0].published, agent: new[$0].agent) }
        }
        for post in stored where posts.count < limit {
            posts.append(SourcePrior.Post(published: post.published, agent: edited[post.itemID] ?? post.agent))
        }
        return Array(posts.prefix(limit))
    }
}
