import Foundation
import VigilFeeds
import VigilStore
import VigilText

/// A parsed entry reduced to what matching, scoring and the store need: the
/// text to score (title first, so a headline naming a person counts), its
/// identity and a hash of the content that scoring depends on.
public struct PreparedEntry: Sendable, Equatable {
    /// A feed entry's body as HTML, with the address its links are relative to.
    public struct HTMLBody: Sendable, Equatable {
        public var html: String
        public var base: String
    }

    public var key: EntryKey
    public var url: String?
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    /// Title and body as plain text; evidence offsets point into this.
    public var text: String
    /// The GitHub account that wrote it, for a comment.
    public var account: String?
    /// The http(s) links of its body, in order, when they are known already
    /// (a comment's, a page's): followed when it mentions a watched person,
    /// or when `followsLinks`. A feed entry's are read from `bodyHTML` only
    /// then (`followableLinks`), as few entries need them.
    public var links: [String] = []
    public var bodyHTML: HTMLBody?
    /// Whether its links are followed whoever it mentions: a comment on a
    /// pull request a watched person closed.
    public var followsLinks = false

    public init(_ entry: ParsedEntry) {
        let title = entry.title?.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = entry.plainText
        if let source = entry.body, source.kind == .html || source.kind == .xhtml {
            bodyHTML = HTMLBody(html: source.value, base: source.base ?? entry.link ?? "")
        }
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

    public init(
        key: EntryKey, url: String? = nil, title: String? = nil, author: String? = nil, publishedAt: Date? = nil, text: String,
        account: String? = nil, links: [String] = []
    ) {
        self.key = key
        self.account = account
        self.links = links
        self.url = url
        self.title = title
        self.author = author
        self.publishedAt = publishedAt
        self.text = text
    }

    /// The links to follow: those known, else those of the HTML body, else
    /// the addresses written in the text.
    public func followableLinks() -> [String] {
        if !links.isEmpty { return links }
        if let body = bodyHTML { return ArticleExtractor().article(fromHTML: body.html, pageURL: body.base).links }
        return TextLinks.urls(in: text)
    }
}
