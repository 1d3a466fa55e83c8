/// A link of a feed or entry (Atom `<link>`, RSS `<link>`/`<enclosure>`, JSON `url`),
/// its href resolved against `xml:base` or the document URL.
public struct FeedLink: Sendable, Equatable, Codable {
    public var href: String
    /// The relation; "alternate" when the feed did not say.
    public var rel: String
    public var type: String?
    public var title: String?
    public var length: Int64?
    public var hreflang: String?

    public init(href: String, rel: String = "alternate", type: String? = nil, title: String? = nil, length: Int64? = nil, hreflang: String? = nil) {
        self.href = href
        self.rel = rel
        self.type = type
        self.title = title
        self.length = length
        self.hreflang = hreflang
    }
}
