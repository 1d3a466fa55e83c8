/// The identity of a parsed entry: its stable dedupe key within the feed, and
/// a hash of the content that scoring depends on.
public struct EntryKey: Sendable, Hashable {
    public var dedupeKey: String
    public var contentHash: String

    public init(dedupeKey: String, contentHash: String) {
        self.dedupeKey = dedupeKey
        self.contentHash = contentHash
    }
}
