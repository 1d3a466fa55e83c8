/// What the store already knows about a parsed entry, decided before any
/// scoring so that unchanged entries cost nothing.
public enum EntryStatus: Sendable, Equatable {
    /// Never seen: match and score it.
    case new
    /// Seen with the same content: only its last-seen time changes.
    case unchanged(itemID: Int64)
    /// Seen with different content: re-score and update its findings in place.
    case edited(itemID: Int64)
    /// Its content was already seen under another key or feed (a repost, a
    /// moved URL): remembered, not scored again.
    case duplicateContent
}
