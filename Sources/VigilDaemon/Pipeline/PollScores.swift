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
    /// `new`'s indices by published time, then insertion order, once
    /// `orderNew()` has run: a feed of ten thousand posts would otherwise cost
    /// a sort of the whole poll for each post that mentions someone.
    private var order: [Int] = []

    public init(time: Date) {
        self.time = time
    }

    /// Orders the new entries once they are all in, so that `merged` reads only
    /// the posts it takes. Without it `merged` gives the same lists, slowly.
    public mutating func orderNew() {
        order = sortedNew()
    }

    private func sortedNew() -> [Int] {
        new.indices.sorted { (new[$0].published, $0) < (new[$1].published, $1) }
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
            // the later-inserted first; so walk back from the cutoff.
            let ordered = order.count == new.count ? order : sortedNew()
            var low = 0, high = ordered.count
            while low < high {
                let middle = (low + high) / 2
                if new[ordered[middle]].published < cutoff.published { low = middle + 1 } else { high = middle }
            }
            var position = low
            while position > 0, posts.count < limit {
                position -= 1
                let entry = new[ordered[position]]
                if author == nil || entry.author == author {
                    posts.append(SourcePrior.Post(published: entry.published, agent: entry.agent))
                }
            }
        }
        for post in stored where posts.count < limit {
            posts.append(SourcePrior.Post(published: post.published, agent: edited[post.itemID] ?? post.agent))
        }
        return Array(posts.prefix(limit))
    }
}
