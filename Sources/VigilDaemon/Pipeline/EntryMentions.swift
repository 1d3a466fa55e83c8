import VigilText

/// The Mentions stage: each entry's mentions of watched people, found once
/// and handed on to scoring. Entries that repeat an earlier key of the same
/// poll are not stored, so they are not matched.
public struct EntryMentions: Sendable {
    /// By entry index; empty for an entry that mentions nobody or repeats a key.
    public var mentions: [[Mention]]

    public init(_ entries: [PreparedEntry], watchlist: WatchlistSnapshot) {
        var keys = Set<String>()
        mentions = entries.map { entry in
            guard keys.insert(entry.key.dedupeKey).inserted else { return [] }
            return watchlist.matcher.mentions(in: entry.text)
        }
    }

    /// The people entry `index` mentions, as stored IDs, each once.
    public func people(ofEntry index: Int, in watchlist: WatchlistSnapshot) -> [Int64] {
        var seen = Set<Int64>()
        return mentions[index].compactMap { watchlist.personID(forIndex: $0.personIndex) }.filter { seen.insert($0).inserted }
    }
}
