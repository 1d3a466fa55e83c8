/// The namespaces feeds use, and the short prefix the readers know each by.
///
/// Readers switch on "prefix:localName" keys ("dc:creator", "content:encoded",
/// ":title" for the format's own elements) whatever prefix the document chose,
/// and fall back to the written prefix when a feed forgot to declare it.
enum FeedNamespace {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// Namespaces that mean "the format's own element" for RSS.
    static let rssCore: [String] = [
        "", rss10, rss090, "http://channel.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
        "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1#",
    ]

    private static let prefixes: [String: String] = [
        atom10: "atom", atom03: "atom", "http://purl.org/atom/ns#draft-ietf-atompub-format-08": "atom",
        "http://purl.org/dc/elements/1.1/": "dc", "http://purl.org/dc/elements/1.0/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes", "http://example.com/DTDs/PodCast-1.0.dtd": "itunes",
        "http://search.yahoo.com/mrss/": "media", "http://search.yahoo.com/mrss": "media",
        "http://purl.org/rss/1.0/modules/slash/": "slash",
        "http://wellformedweb.org/CommentAPI/": "wfw",
        xhtml: "xhtml", rdf: "rdf",
        "http://www.w3.org/XML/1998/namespace": "xml",
        "http://purl.org/rss/1.0/modules/syndication/": "sy",
        "http://webns.net/mvcb/": "admin",
        "http://www.georss.org/georss": "georss",
        "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo",
    ]

    /// The key a reader switches on: known namespaces by their usual prefix,
    /// the format's own namespace(s) as "", anything else by its URI.
    static func key(for element: XMLElement, core: [String]) -> String {
        let namespace = element.namespace
        if namespace.isEmpty {
            // Undeclared prefix: trust the conventional meaning of the written one.
            let name = element.qualifiedName
            if let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) {
                return String(name[..<colon]).lowercased() + ":" + element.localName
            }
            return core.contains("") ? ":" + element.localName : "?:" + element.localName
        }
        return keyPrefix(for: namespace, core: core) + ":" + element.localName
    }

    /// What a key starts with for elements of a (non-empty) namespace.
    static func keyPrefix(for namespace: String, core: [String]) -> String {
        if core.contains(namespace) { return "" }
        if let prefix = prefixes[namespace] { return prefix }
        if let prefix = prefixes[namespace.lowercased()] { return prefix }
        return namespace
    }
}
