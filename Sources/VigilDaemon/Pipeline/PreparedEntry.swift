import Foundation
import VigilFeeds
import VigilStore

/// A parsed entry reduced to what matching, scoring and the store need: the
/// text to score (title first, so a headline naming a person counts), its
/// identity and a hash of the content that scoring depends on.
public struct PreparedEntry: Sendable, Equatable {
    public var key: EntryKey
    public var url: String?
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    /// Title and body as plain text; evidence offsets point into this.
    public var text: String

    public init(_ entry: ParsedEntry) {
        let title = entry.title?.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = entry.plainText
        var text = title ?? ""
        if !body.isEmpty { text += text.isEmpty ? body : "\n\n" + body }
        self.text = text
        self.title = title.flatMap { $0.isEmpty ? nil : $0 }
        url = entry.link
        author = entry.author.map(\.displayName).flatMap { $0.isEmpty ? nil : $0 }
        publishedAt = entry.published ?? entry.updated
        let dedupeKey = entry.dedupeKey.isEmpty ? "hash:" + ContentHash.hex(of: text) : entry.dedupeKey
        key = EntryKey(dedupeKey: dedupeKey, contentHash: ContentHash.hex(of: text))
    }

    public init(key: EntryKey, url: String? = nil, title: String? = nil, author: String? = nil, publishedAt: Date? = nil, text: String) {
        self.key = key
        self.url = url
        self.title = title
        self.author = author
        self.publishedAt = publishedAt
        self.text = text
    }
}
