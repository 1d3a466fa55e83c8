import Foundation

/// A feed as vigil reads it: whatever format it came in, plus what was wrong with it.
///
/// `bozo` follows the feed-reader convention: the feed was not well-formed (or
/// not what it claimed to be) but was read anyway; `bozoReason` says why.
public struct ParsedFeed: Sendable, Equatable, Codable {
    public var format: FeedFormat
    public var title: FeedText?
    public var subtitle: FeedText?
    /// The site's main link, resolved.
    public var link: String?
    public var links: [FeedLink]
    public var id: String?
    public var language: String?
    public var authors: [FeedPerson]
    public var updated: Date?
    public var updatedText: String?
    public var rights: FeedText?
    public var generator: String?
    public var categories: [FeedCategory]
    /// The character encoding the bytes were read as (e.g. "utf-8", "iso-8859-1").
    public var encoding: String
    public var bozo: Bool
    public var bozoReason: String?
    /// Every problem met, the first of which is `bozoReason`.
    public var problems: [String]
    public var entries: [ParsedEntry]
    /// RSS `<ttl>`: minutes the publisher asks readers to cache the feed.
    public var ttlMinutes: Int? = nil
    /// `sy:updatePeriod` (hourly, daily, weekly, monthly, yearly) and
    /// `sy:updateFrequency`: how often the publisher says the feed changes.
    public var updatePeriod: String? = nil
    public var updateFrequency: Int? = nil

    public init(
        format: FeedFormat = .unknown, title: FeedText? = nil, subtitle: FeedText? = nil, link: String? = nil,
        links: [FeedLink] = [], id: String? = nil, language: String? = nil, authors: [FeedPerson] = [],
        updated: Date? = nil, updatedText: String? = nil, rights: FeedText? = nil, generator: String? = nil,
        categories: [FeedCategory] = [], encoding: String = "utf-8", bozo: Bool = false, bozoReason: String? = nil,
        problems: [String] = [], entries: [ParsedEntry] = []
    ) {
        self.format = format
        self.title = title
        self.subtitle = subtitle
        self.link = link
        self.links = links
        self.id = id
        self.language = language
        self.authors = authors
        self.updated = updated
        self.updatedText = updatedText
        self.rights = rights
        self.generator = generator
        self.categories = categories
        self.encoding = encoding
        self.bozo = bozo
        self.bozoReason = bozoReason
        self.problems = problems
        self.entries = entries
    }
}
