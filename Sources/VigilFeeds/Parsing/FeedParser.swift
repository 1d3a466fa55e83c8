import Foundation

/// Reads a feed from its bytes: RSS 0.90-2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1,
/// recognised from the content, never from a file name.
///
/// It never fails. A broken feed (unclosed tags, a bare `&`, a wrong encoding,
/// a truncated download, an HTML page) yields what could be read, with `bozo`
/// set and the reason; something that is not a feed at all yields format
/// `.unknown` and no entries.
public enum FeedParser {
    /// - Parameters:
    ///   - bytes: the body as received (any encoding).
    ///   - contentType: the HTTP `Content-Type`, whose charset and media type take part in choosing the encoding.
    ///   - url: the document's URL, the base for relative links when the feed sets no `xml:base`.
    public static func parse(_ bytes: [UInt8], contentType: String? = nil, url: String? = nil) -> ParsedFeed {
        let decoded = CharacterDecoder.decode(bytes, contentType: contentType)
        var feed: ParsedFeed
        var problems = decoded.problems
        let firstByte = decoded.utf8.first { !ASCII.isWhitespace($0) }
        if decoded.isJSON || firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
            feed = JSONFeedReader.read(decoded.utf8, url: url, problems: &problems)
        } else {
            let document = XMLDocument(wellFormedUTF8: decoded.utf8)
            problems += document.problems.map(\.description)
            feed = readXML(document, url: url, problems: &problems)
        }
        feed.encoding = decoded.encoding
        feed.problems = problems
        feed.bozo = !problems.isEmpty
        feed.bozoReason = problems.first
        return feed
    }

    public static func parse(_ data: Data, contentType: String? = nil, url: String? = nil) -> ParsedFeed {
        parse([UInt8](data), contentType: contentType, url: url)
    }

    private static func readXML(_ document: XMLDocument, url: String?, problems: inout [String]) -> ParsedFeed {
        guard let root = document.root else {
            problems.append("no feed found: the document has no XML root element")
            return ParsedFeed()
        }
        let scope = ReadingScope(base: url, language: nil)
        let name = root.localName.lowercasedIfNeeded()
        switch (name, root.namespace) {
        case ("rss", _):
            return RSSReader(format: rssFormat(root, doctype: document.doctype), scope: scope).read(root)
        case ("rdf", _):
            let channelNamespace = root.elements.first { $0.localName == "channel" }?.namespace ?? root.attribute("xmlns") ?? ""
            let format: FeedFormat = channelNamespace.contains("netscape.com/rdf/simple/0.9") ? .rss090 : .rss10
            return RSSReader(format: format, scope: scope).read(root)
        case ("feed", FeedNamespace.atom10):
            return AtomReader(format: .atom10, scope: scope).read(root)
        case ("feed", _):
            return AtomReader(format: .atom03, scope: scope).read(root)
        case ("channel", _):
            // A bare <channel> (some 0.9x generators and the Userland namespace drafts).
            return RSSReader(format: .rss20, scope: scope).read(root)
        default:
            problems.append("no feed found: root element <\(root.qualifiedName)> is not RSS, Atom or RDF")
            return ParsedFeed()
        }
    }

    private static func rssFormat(_ root: XMLElement, doctype: String?) -> FeedFormat {
        switch root.attribute(localName: "version")?.trimmingASCIIWhitespace() {
        case "0.91": .rss091
        case "0.92": .rss092
        case "0.93": .rss093
        case "0.94": .rss094
        case "0.90", "0.9": .rss090
        default: .rss20
        }
    }
}
