import Foundation

/// A feed to add, as the CLI, an OPML file or the config file describes it.
public struct FeedSpec: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var siteURL: String?
    public var tags: [String]
    /// For templates: which watched terms expand it (names, handles, projects).
    public var queryTerms: [String]
    /// For templates: a regular expression each expanded term must match in full.
    public var queryTermPattern: String?
    /// Poll interval in seconds; nil means the configured default.
    public var intervalSeconds: Int?
    public var enabled: Bool

    public init(
        url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = [],
        queryTerms: [String] = [], queryTermPattern: String? = nil, intervalSeconds: Int? = nil, enabled: Bool = true
    ) {
        self.url = url
        self.title = title
        self.siteURL = siteURL
        self.tags = tags
        self.queryTerms = queryTerms
        self.queryTermPattern = queryTermPattern
        self.intervalSeconds = intervalSeconds
        self.enabled = enabled
    }

    /// Whether the URL is a query-feed template expanded per watched name.
    public var isQueryTemplate: Bool { url.contains("{query}") }

    /// The spec with a checked URL, or an input error that names the URL and
    /// says what is wrong with it.
    func validated() throws -> FeedSpec {
        var spec = self
        spec.url = try Self.checkedURL(url)
        spec.title = title?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        spec.siteURL = siteURL?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        spec.tags = try PersonSpec.cleanList(tags, what: "tag")
        let kinds: Set<String> = ["names", "handles", "projects"]
        if let unknown = queryTerms.first(where: { !kinds.contains($0) }) {
            throw StoreError.badInput("unknown query term kind '\(unknown)' for \(spec.url) (use names, handles or projects)")
        }
        if let pattern = queryTermPattern, (try? NSRegularExpression(pattern: pattern)) == nil {
            throw StoreError.badInput("query term pattern is not a valid regular expression for \(spec.url): \(pattern)")
        }
        if !spec.isQueryTemplate, !queryTerms.isEmpty || queryTermPattern != nil {
            throw StoreError.badInput("query terms apply only to URLs holding {query}: \(spec.url)")
        }
        if let interval = intervalSeconds, interval <= 0 {
            throw StoreError.badInput("poll interval must be positive for \(spec.url)")
        }
        return spec
    }

    static func checkedURL(_ raw: String) throws -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.badInput("empty feed URL") }
        guard trimmed.count <= 4096 else { throw StoreError.badInput("feed URL is longer than 4096 characters") }
        // `{query}` is not valid in a URL; check the template with a stand-in.
        let probe = trimmed.replacingOccurrences(of: "{query}", with: "q")
        guard let components = URLComponents(string: probe), let scheme = components.scheme?.lowercased() else {
            throw StoreError.badInput("not a URL: \(trimmed)")
        }
        switch scheme {
        case "http", "https":
            guard let host = components.host, !host.isEmpty else {
                throw StoreError.badInput("URL has no host: \(trimmed)")
            }
        case "file":
            guard !components.path.isEmpty else { throw StoreError.badInput("file URL has no path: \(trimmed)") }
        default:
            throw StoreError.badInput("unsupported URL scheme '\(scheme)' (use http, https or file): \(trimmed)")
        }
        return trimmed
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
