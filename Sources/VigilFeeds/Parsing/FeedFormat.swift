/// Which feed format and version a document was written in, detected from its content.
public enum FeedFormat: String, Sendable, Equatable, Codable, CaseIterable {
    case rss090, rss091, rss092, rss093, rss094, rss20, rss10
    case atom03, atom10
    case jsonFeed10, jsonFeed11
    /// Not a feed vigil recognises (an HTML page, an empty file, another XML vocabulary).
    case unknown

    /// The family the design's `vigil parse --json` reports: rss2, rss1, atom, json, unknown.
    /// RSS 0.9x without RDF belongs to the `<rss>` family; 0.90 is RDF-based like 1.0.
    public var family: String {
        switch self {
        case .rss091, .rss092, .rss093, .rss094, .rss20: "rss2"
        case .rss090, .rss10: "rss1"
        case .atom03, .atom10: "atom"
        case .jsonFeed10, .jsonFeed11: "json"
        case .unknown: "unknown"
        }
    }

    /// The version number as the format writes it ("2.0", "0.91", "1.0", "0.3", "1.1"); "" when unknown.
    public var version: String {
        switch self {
        case .rss090: "0.90"
        case .rss091: "0.91"
        case .rss092: "0.92"
        case .rss093: "0.93"
        case .rss094: "0.94"
        case .rss20: "2.0"
        case .rss10: "1.0"
        case .atom03: "0.3"
        case .atom10: "1.0"
        case .jsonFeed10: "1.0"
        case .jsonFeed11: "1.1"
        case .unknown: ""
        }
    }
}
