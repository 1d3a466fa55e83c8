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

    /// The people mentioned anywhere in the poll, as stored IDs.
    public func people(in watchlist: WatchlistSnapshot) -> Set<Int64> {
        Set(mentions.joined().compactMap { watchlist.personID(forIndex: $0.personIndex) })
    }
}
