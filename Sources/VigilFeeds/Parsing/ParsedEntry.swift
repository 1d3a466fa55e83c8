import Foundation
import VigilText

/// One item of a feed, in a shape common to every format.
public struct ParsedEntry: Sendable, Equatable, Codable {
    /// The entry's own identifier (Atom `id`, RSS `guid`, JSON `id`), if it has one.
    public var id: String?
    /// A key that stays the same across polls of the same entry: the id, else the
    /// link, else a hash of title, date and content (see `DedupeKey`).
    public var dedupeKey: String
    public var title: FeedText?
    /// The main link (the first `alternate` one), resolved.
    public var link: String?
    public var links: [FeedLink]
    public var authors: [FeedPerson]
    public var contributors: [FeedPerson]
    public var published: Date?
    public var updated: Date?
    /// The dates as written, for display and for dates the parser could not read.
    public var publishedText: String?
    public var updatedText: String?
    public var summary: FeedText?
    /// Full content, in document order (Atom allows one; RSS feeds often add `content:encoded`).
    public var content: [FeedText]
    public var enclosures: [FeedEnclosure]
    public var categories: [FeedCategory]
    /// `comments` (RSS) or the JSON Feed `external_url`, when present.
    public var commentsURL: String?

    public init(
        id: String? = nil, dedupeKey: String = "", title: FeedText? = nil, link: String? = nil,
        links: [FeedLink] = [], authors: [FeedPerson] = [], contributors: [FeedPerson] = [],
        published: Date? = nil, updated: Date? = nil, publishedText: String? = nil, updatedText: String? = nil,
        summary: FeedText? = nil, content: [FeedText] = [], enclosures: [FeedEnclosure] = [],
        categories: [FeedCategory] = [], commentsURL: String? = nil
    ) {
        self.id = id
        self.dedupeKey = dedupeKey
        self.title = title
        self.link = link
        self.links = links
        self.authors = authors
        self.contributors = contributors
        self.published = published
        self.updated = updated
        self.publishedText = publishedText
        self.updatedText = updatedText
        self.summary = summary
        self.content = content
        self.enclosures = enclosures
        self.categories = categories
        self.commentsURL = commentsURL
    }

    /// The first author, the one most formats have.
    public var author: FeedPerson? { authors.first }

    /// The fullest body: the longest content, else the summary.
    public var body: FeedText? {
        content.max { $0.value.utf8.count < $1.value.utf8.count } ?? summary
    }

    /// The text vigil scores: the fullest body as plain text.
    public var plainText: String {
        body?.plainText ?? ""
    }
}

extension FeedText {
    /// The value as plain text: markup removed by the HTML-to-text extractor.
    public var plainText: String {
        switch kind {
        case .html, .xhtml: HTMLTextExtractor().text(fromHTML: value)
        case .text: HTMLTextExtractor.normalizeWhitespace(value)
        case .other: ""
        }
    }
}
