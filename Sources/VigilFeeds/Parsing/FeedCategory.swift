/// A category or tag (RSS `<category>`, Atom `<category>`, `dc:subject`, JSON `tags`).
public struct FeedCategory: Sendable, Equatable, Codable {
    public var term: String
    public var scheme: String?
    public var label: String?

    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}
