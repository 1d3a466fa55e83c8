import Foundation

/// Reads RSS 0.9x and 2.0 (`<rss><channel>`) and RDF-based RSS 0.90 and 1.0.
///
/// Items are collected wherever RSS versions put them: inside the channel
/// (0.91-2.0) or beside it under the root (0.90, 1.0), and from the root
/// of broken feeds that lost their channel.
struct RSSReader {
    let format: FeedFormat
    let scope: ReadingScope
    let keys = ReaderKeys(core: FeedNamespace.rssCore)

    func read(_ root: XMLElement) -> ParsedFeed {
        var feed = ParsedFeed(format: format)
        let rootScope = scope.entering(root)
        let channel = root.localName.lowercasedIfNeeded() == "channel"
            ? root : root.elements.first { $0.localName.lowercasedIfNeeded() == "channel" }
        var itemSources: [XMLElement] = [root]
        if let channel, channel != root {
            itemSources.insert(channel, at: 0)
        }
        if let channel {
            let channelScope = channel == root ? rootScope : rootScope.entering(channel)
            readChannel(channel, scope: channelScope, into: &feed)
        }
        for source in itemSources {
            let sourceScope = source == root ? rootScope : rootScope.entering(source)
            for case .element(let element) in source.children where element.localName.lowercasedIfNeeded() == "item" {
                feed.entries.append(readItem(element, scope: sourceScope.entering(element)))
            }
        }
        return feed
    }

    private func readChannel(_ channel: XMLElement, scope: ReadingScope, into feed: inout ParsedFeed) {
        feed.language = scope.language
        for case .element(let element) in channel.children {
            let key = keys.key(for: element)
            // Worked out only for the elements that use their own scope (links, ids, extensions).
            lazy var inner = scope.entering(element)
            switch key.lowercasedIfNeeded() {
            case ":title":
                if feed.title == nil { feed.title = TextReading.rssText(element, scope: scope, html: false) }
            case ":link":
                // As for items: a later <link> wins, all are kept.
                if let href = ExtensionReading.nonEmpty(element.text) ?? element.attribute(localName: "href").flatMap(ExtensionReading.nonEmpty) {
                    let resolved = inner.resolve(href) ?? href
                    feed.link = resolved
                    feed.links.append(FeedLink(href: resolved))
                }
            case ":description", ":abstract":
                if feed.subtitle == nil { feed.subtitle = TextReading.rssText(element, scope: scope, html: key.lowercasedIfNeeded() == ":description") }
            case ":language":
                if let language = ExtensionReading.nonEmpty(element.text) { feed.language = language }
            case ":copyright":
                if feed.rights == nil { feed.rights = TextReading.rssText(element, scope: scope, html: false) }
            case ":managingeditor", ":webmaster", ":author":
                if feed.authors.isEmpty, let text = ExtensionReading.rawValue(element) {
                    feed.authors.append(TextReading.parsePerson(text))
                }
            case ":lastbuilddate", ":pubdate":
                ExtensionReading.setUpdated(element, &feed.updated, &feed.updatedText)
            case ":generator":
                feed.generator = ExtensionReading.rawValue(element)
            case ":category":
                if let term = ExtensionReading.rawValue(element) {
                    feed.categories.append(FeedCategory(term: term, scheme: element.attribute("domain")))
                }
            case ":ttl":
                feed.ttlMinutes = ExtensionReading.nonEmpty(element.text).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            case "sy:updateperiod":
                feed.updatePeriod = ExtensionReading.nonEmpty(element.text)?.lowercased()
            case "sy:updatefrequency":
                feed.updateFrequency = ExtensionReading.nonEmpty(element.text).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            default:
                _ = ExtensionReading.apply(key, element, scope: inner, to: &feed)
            }
        }
        readChannelDefinitionAttributes(channel, scope: scope, link: &feed.link, links: &feed.links,
                                        updated: &feed.updated, updatedText: &feed.updatedText)
        if feed.link == nil {
            feed.link = feed.links.first { $0.rel == "alternate" }?.href
        }
    }

    /// Microsoft CDF, an RSS ancestor, puts the link and date in HREF and LASTMOD attributes.
    private func readChannelDefinitionAttributes(
        _ element: XMLElement, scope: ReadingScope, link: inout String?, links: inout [FeedLink],
        updated: inout Date?, updatedText: inout String?
    ) {
        if link == nil, let href = element.attribute(localName: "href").flatMap(ExtensionReading.nonEmpty) {
            let resolved = scope.resolve(href) ?? href
            link = resolved
            links.append(FeedLink(href: resolved))
        }
        if updatedText == nil, let modified = element.attribute(localName: "lastmod").flatMap(ExtensionReading.nonEmpty) {
            updatedText = modified
            updated = FeedDateParser.parse(modified)
        }
    }

    private func readItem(_ item: XMLElement, scope: ReadingScope) -> ParsedEntry {
        var entry = ParsedEntry()
        var guidIsPermalink = false
        var guid: String?
        for case .element(let element) in item.children {
            let key = keys.key(for: element)
            // Worked out only for the elements that use their own scope (links, ids, extensions).
            lazy var inner = scope.entering(element)
            switch key.lowercasedIfNeeded() {
            case ":title":
                if entry.title == nil { entry.title = TextReading.rssText(element, scope: scope, html: false) }
            case ":link":
                // A later <link> wins, as in feed readers; all are kept in links.
                if let href = ExtensionReading.nonEmpty(element.text) ?? element.attribute(localName: "href").flatMap(ExtensionReading.nonEmpty) {
                    let resolved = inner.resolve(href) ?? href
                    entry.link = resolved
                    entry.links.append(FeedLink(href: resolved))
                }
            case ":body", ":fullitem", "xhtml:body":
                entry.content.append(TextReading.rssText(element, scope: scope, html: true))
            case ":description", ":abstract":
                if entry.summary == nil { entry.summary = TextReading.rssText(element, scope: scope, html: key.lowercasedIfNeeded() == ":description") }
            case ":guid":
                if guid == nil, let value = ExtensionReading.nonEmpty(element.text) {
                    guid = value
                    let permalink = element.attribute(localName: "isPermaLink")?.lowercased()
                    guidIsPermalink = permalink == nil || permalink == "true"
                }
            case ":author":
                if let text = ExtensionReading.rawValue(element) {
                    let person = TextReading.parsePerson(text)
                    if !entry.authors.contains(person) { entry.authors.insert(person, at: 0) }
                }
            case ":pubdate":
                ExtensionReading.setPublished(element, &entry.published, &entry.publishedText)
            case ":category":
                if let term = ExtensionReading.rawValue(element) {
                    entry.categories.append(FeedCategory(term: term, scheme: element.attribute("domain")))
                }
            case ":enclosure":
                if let url = element.attribute(localName: "url"), let resolved = inner.resolve(url), !resolved.isEmpty {
                    let length = element.attribute(localName: "length").flatMap { Int64($0.trimmingASCIIWhitespace()) }
                    let type = element.attribute(localName: "type").flatMap(ExtensionReading.nonEmpty)
                    entry.enclosures.append(FeedEnclosure(url: resolved, type: type, length: length))
                    entry.links.append(FeedLink(href: resolved, rel: "enclosure", type: type, length: length))
                }
            case ":comments":
                entry.commentsURL = ExtensionReading.nonEmpty(element.text).flatMap { inner.resolve($0) }
            default:
                _ = ExtensionReading.apply(key, element, scope: inner, to: &entry)
            }
        }
        readChannelDefinitionAttributes(item, scope: scope, link: &entry.link, links: &entry.links,
                                        updated: &entry.updated, updatedText: &entry.updatedText)
        if let guid {
            entry.id = guid
            if entry.link == nil, guidIsPermalink, ReadingScope.hasScheme(guid) {
                entry.link = guid
                entry.links.append(FeedLink(href: guid))
            }
        }
        if entry.link == nil {
            entry.link = entry.links.first { $0.rel == "alternate" }?.href
        }
        entry.dedupeKey = DedupeKey.make(
            id: entry.id, link: entry.link, title: entry.title?.value,
            date: entry.publishedText ?? entry.updatedText, content: (entry.content.first ?? entry.summary)?.value)
        return entry
    }
}
