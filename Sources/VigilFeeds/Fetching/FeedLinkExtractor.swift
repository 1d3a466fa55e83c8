import VigilHTTP

/// A feed found on a web page or at a conventional path.
public struct DiscoveredFeed: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable {
        /// The URL given was itself a feed.
        case itself
        /// A `<link rel="alternate">` of the page.
        case linked
        /// Found by trying a conventional path (/feed, /rss.xml, ...).
        case probed
    }

    public var url: String
    public var title: String?
    public var type: String?
    public var source: Source

    public init(url: String, title: String? = nil, type: String? = nil, source: Source) {
        self.url = url
        self.title = title
        self.type = type
        self.source = source
    }
}

/// Reads the feed links out of an HTML page: `<link rel="alternate">` with a
/// feed type, resolved against the page (or its `<base href>`). A tolerant scan,
/// not an HTML parser: pages in the wild are as broken as feeds.
public enum FeedLinkExtractor {
    public static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
        "application/json", "application/x.atom+xml", "application/x-atom+xml", "text/xml", "application/xml",
    ]

    public static func feeds(inHTML html: [UInt8], pageURL: FeedURL) -> [DiscoveredFeed] {
        let tags = tags(in: html, named: ["link", "base"])
        var base = pageURL
        if let href = tags.first(where: { $0.name == "base" })?.attributes["href"],
           let resolved = try? pageURL.resolving(href) {
            base = resolved
        }
        var seen = Set<String>()
        var feeds: [DiscoveredFeed] = []
        for tag in tags where tag.name == "link" {
            let rel = Set((tag.attributes["rel"] ?? "").lowercased().split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.map(String.init))
            let type = (tag.attributes["type"] ?? "").lowercased().split(separator: ";").first.map { String($0).trimmingHTTPWhitespace() } ?? ""
            guard rel.contains("alternate") || rel.contains("feed"), feedTypes.contains(type) || (rel.contains("feed") && type.isEmpty),
                  let href = tag.attributes["href"], !href.isEmpty,
                  let url = try? base.resolving(href), url.scheme == "http" || url.scheme == "https",
                  seen.insert(url.absoluteString).inserted
            else { continue }
            feeds.append(DiscoveredFeed(url: url.absoluteString, title: tag.attributes["title"], type: type.isEmpty ? nil : type, source: .linked))
        }
        return feeds
    }

    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    /// Start tags with the given names, with their attributes (names lowercased,
    /// values unquoted and with the common entities decoded). Comments and
    /// script/style contents are skipped.
    static func tags(in html: [UInt8], named names: Set<String>) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        let count = html.count
        func starts(_ literal: String, at position: Int) -> Bool {
            var offset = position
            for byte in literal.utf8 {
                guard offset < count, lowercase(html[offset]) == byte else { return false }
                offset += 1
            }
            return true
        }
        func skip(past literal: String, from position: Int) -> Int {
            var position = position
            while position < count && !starts(literal, at: position) { position += 1 }
            return min(count, position + literal.utf8.count)
        }
        while index < count {
            guard html[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if starts("<!--", at: index) {
                index = skip(past: "-->", from: index + 4)
                continue
            }
            if starts("<script", at: index) {
                index = skip(past: "</script", from: index + 7)
                continue
            }
            if starts("<style", at: index) {
                index = skip(past: "</style", from: index + 6)
                continue
            }
            var position = index + 1
            let nameStart = position
            while position < count, isNameByte(html[position]) { position += 1 }
            let name = String(decoding: html[nameStart..<position].map(lowercase), as: UTF8.self)
            guard names.contains(name) else {
                index = position
                continue
            }
            var attributes: [String: String] = [:]
            while position < count {
                while position < count, isSpace(html[position]) || html[position] == UInt8(ascii: "/") { position += 1 }
                guard position < count, html[position] != UInt8(ascii: ">") else { break }
                let attributeStart = position
                while position < count, !isSpace(html[position]), html[position] != UInt8(ascii: "="), html[position] != UInt8(ascii: ">") {
                    position += 1
                }
                let attributeName = String(decoding: html[attributeStart..<position].map(lowercase), as: UTF8.self)
                while position < count, isSpace(html[position]) { position += 1 }
                var value = ""
                if position < count, html[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < count, isSpace(html[position]) { position += 1 }
                    if position < count, html[position] == UInt8(ascii: "\"") || html[position] == UInt8(ascii: "'") {
                        let quote = html[position]
                        position += 1
                        let valueStart = position
                        while position < count, html[position] != quote { position += 1 }
                        value = String(decoding: html[valueStart..<position], as: UTF8.self)
                        position = min(count, position + 1)
                    } else {
                        let valueStart = position
                        while position < count, !isSpace(html[position]), html[position] != UInt8(ascii: ">") { position += 1 }
                        value = String(decoding: html[valueStart..<position], as: UTF8.self)
                    }
                }
                if !attributeName.isEmpty, attributes[attributeName] == nil {
                    attributes[attributeName] = decodeEntities(value)
                }
                if position == attributeStart { position += 1 }
            }
            tags.append(Tag(name: name, attributes: attributes))
            index = position
        }
        return tags
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 58
    }

    private static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value.trimmingHTTPWhitespace() }
        return value
            .replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&apos;", with: "'")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&#x2F;", with: "/")
            .replacing("&#47;", with: "/").replacing("&amp;", with: "&")
            .trimmingHTTPWhitespace()
    }
}
