/// A feed listed in an OPML file, with the categories it sits under.
public struct OPMLOutline: Sendable, Equatable {
    public var xmlURL: String
    public var title: String?
    public var htmlURL: String?
    /// Enclosing outlines' names and the outline's own `category` values, outermost first.
    public var tags: [String]
    /// vigil's own `vigil:every` attribute: a poll interval such as "30m".
    public var every: String?
    /// vigil's own `vigil:terms`: which watched terms expand a `{query}` template.
    public var queryTerms: [String]
    /// vigil's own `vigil:termPattern`: a pattern every expanded term must match.
    public var queryTermPattern: String?

    public init(
        xmlURL: String, title: String? = nil, htmlURL: String? = nil, tags: [String] = [], every: String? = nil,
        queryTerms: [String] = [], queryTermPattern: String? = nil
    ) {
        self.xmlURL = xmlURL
        self.title = title
        self.htmlURL = htmlURL
        self.tags = tags
        self.every = every
        self.queryTerms = queryTerms
        self.queryTermPattern = queryTermPattern
    }
}
