/// Elements from other namespaces that RSS and Atom feeds borrow: Dublin Core,
/// `content:encoded`, iTunes, Media RSS, and Atom elements inside RSS.
enum ExtensionReading {
    /// Applies an extension element of an entry; returns false when it is not one vigil reads.
    static func apply(_ key: String, _ element: XMLElement, scope: ReadingScope, to entry: inout ParsedEntry) -> Bool {
        switch key {
        case "content:encoded":
            entry.content.append(TextReading.rssText(element, scope: scope, html: true))
        case "dc:creator", "dc:author", "itunes:author", "dc:contributor":
            let text = element.text.trimmingASCIIWhitespace()
            guard !text.isEmpty else { return true }
            let person = TextReading.parsePerson(text)
            if key == "dc:contributor" {
                entry.contributors.append(person)
            } else if key != "itunes:author" || entry.authors.isEmpty {
                if !entry.authors.contains(person) { entry.authors.append(person) }
            }
        case "dc:date", "dcterms:modified", "atom:updated", "atom:modified":
            setUpdated(element, &entry.updated, &entry.updatedText)
        case "dcterms:issued", "dcterms:created", "atom:published", "atom:issued":
            setPublished(element, &entry.published, &entry.publishedText)
        case "dc:title":
            if entry.title == nil { entry.title = TextReading.rssText(element, scope: scope, html: false) }
        case "dc:description", "itunes:summary", "media:description":
            if entry.summary == nil {
                entry.summary = TextReading.rssText(element, scope: scope, html: key == "dc:description")
            }
        case "dc:subject":
            let term = element.text.trimmingASCIIWhitespace()
            if !term.isEmpty { entry.categories.append(FeedCategory(term: term)) }
        case "itunes:category", "itunes:keywords", "media:category":
            addCategories(key, element, to: &entry.categories)
        case "media:title":
            if entry.title == nil { entry.title = TextReading.rssText(element, scope: scope, html: element.attribute("type") == "html") }
        case "dc:identifier":
            if entry.id == nil { entry.id = nonEmpty(element.text) }
        case "atom:link":
            readAtomLink(element, scope: scope, links: &entry.links, enclosures: &entry.enclosures)
        case "atom:author":
            entry.authors.append(TextReading.atomPerson(element, scope: scope))
        case "atom:contributor":
            entry.contributors.append(TextReading.atomPerson(element, scope: scope))
        case "atom:id":
            if entry.id == nil { entry.id = nonEmpty(element.text) }
        case "atom:title":
            if entry.title == nil { entry.title = TextReading.atomText(element, scope: scope) }
        case "atom:summary":
            if entry.summary == nil { entry.summary = TextReading.atomText(element, scope: scope) }
        case "atom:content":
            entry.content.append(TextReading.atomText(element, scope: scope))
        case "media:group":
            for child in element.elements {
                _ = apply(FeedNamespace.key(for: child, core: []), child, scope: scope.entering(child), to: &entry)
            }
        case "media:content":
            if let url = element.attribute("url"), let resolved = scope.resolve(url), !resolved.isEmpty,
               !entry.enclosures.contains(where: { $0.url == resolved }) {
                let length = element.attribute("fileSize").flatMap { Int64($0.trimmingASCIIWhitespace()) }
                entry.enclosures.append(FeedEnclosure(url: resolved, type: element.attribute("type"), length: length))
            }
            for child in element.elements {
                _ = apply(FeedNamespace.key(for: child, core: []), child, scope: scope.entering(child), to: &entry)
            }
        case "wfw:commentRss", "wfw:commentRSS", "slash:comments", "media:thumbnail":
            break
        default:
            return false
        }
        return true
    }

    /// Applies an extension element of the feed itself; returns false when it is not one vigil reads.
    static func apply(_ key: String, _ element: XMLElement, scope: ReadingScope, to feed: inout ParsedFeed) -> Bool {
        switch key {
        case "dc:creator", "dc:author", "itunes:author", "dc:publisher":
            let text = element.text.trimmingASCIIWhitespace()
            if !text.isEmpty, feed.authors.isEmpty || key == "dc:creator" || key == "dc:author" {
                let person = TextReading.parsePerson(text)
                if !feed.authors.contains(person) { feed.authors.append(person) }
            }
        case "dc:date", "dcterms:modified", "atom:updated":
            setUpdated(element, &feed.updated, &feed.updatedText)
        case "dc:title":
            if feed.title == nil { feed.title = TextReading.rssText(element, scope: scope, html: false) }
        case "dc:description", "itunes:summary", "itunes:subtitle":
            if feed.subtitle == nil { feed.subtitle = TextReading.rssText(element, scope: scope, html: key == "dc:description") }
        case "dc:language":
            if feed.language == nil { feed.language = nonEmpty(element.text) }
        case "dc:rights":
            if feed.rights == nil { feed.rights = TextReading.rssText(element, scope: scope, html: false) }
        case "dc:subject":
            let term = element.text.trimmingASCIIWhitespace()
            if !term.isEmpty { feed.categories.append(FeedCategory(term: term)) }
        case "itunes:category", "itunes:keywords", "media:category":
            addCategories(key, element, to: &feed.categories)
        case "atom:link":
            var enclosures: [FeedEnclosure] = []
            readAtomLink(element, scope: scope, links: &feed.links, enclosures: &enclosures)
        case "atom:author":
            feed.authors.append(TextReading.atomPerson(element, scope: scope))
        case "atom:id":
            if feed.id == nil { feed.id = nonEmpty(element.text) }
        case "atom:title":
            if feed.title == nil { feed.title = TextReading.atomText(element, scope: scope) }
        case "atom:subtitle", "atom:tagline":
            if feed.subtitle == nil { feed.subtitle = TextReading.atomText(element, scope: scope) }
        default:
            return false
        }
        return true
    }

    /// iTunes categories (nested ones too) and comma-separated keywords, Media RSS categories.
    static func addCategories(_ key: String, _ element: XMLElement, to categories: inout [FeedCategory]) {
        switch key {
        case "itunes:category":
            if let term = element.attribute("text").flatMap(nonEmpty) {
                categories.append(FeedCategory(term: term, scheme: "http://www.itunes.com/"))
            }
            for child in element.elements where child.localName == "category" {
                addCategories(key, child, to: &categories)
            }
        case "itunes:keywords":
            for keyword in element.text.split(separator: ",") {
                guard let term = nonEmpty(String(keyword)), !categories.contains(where: { $0.term == term }) else { continue }
                categories.append(FeedCategory(term: term, scheme: "http://www.itunes.com/"))
            }
        default:
            guard let term = nonEmpty(element.text) else { return }
            let scheme = element.attribute("scheme").flatMap(nonEmpty) ?? "http://search.yahoo.com/mrss/category_schema"
            categories.append(FeedCategory(term: term, scheme: scheme, label: element.attribute("label")))
        }
    }

    /// An Atom `<link>`: every relation goes to `links`; `enclosure` also to `enclosures`.
    static func readAtomLink(_ element: XMLElement, scope: ReadingScope, links: inout [FeedLink], enclosures: inout [FeedEnclosure]) {
        let inner = scope.entering(element)
        // Atom 0.3 feeds sometimes put the URL in the text instead of href.
        // An empty href is a reference to the base itself.
        let href: String
        if let attribute = element.attribute(localName: "href") ?? element.attribute(localName: "url") {
            href = inner.resolve(attribute) ?? attribute
        } else {
            let text = element.text.trimmingASCIIWhitespace()
            href = text.isEmpty ? "" : (inner.resolve(text) ?? text)
        }
        let rel = nonEmpty(element.attribute(localName: "rel") ?? "") ?? "alternate"
        let length = element.attribute(localName: "length").flatMap { Int64($0.trimmingASCIIWhitespace()) }
        let type = element.attribute(localName: "type").flatMap(nonEmpty)
        links.append(FeedLink(
            href: href, rel: rel, type: type, title: element.attribute(localName: "title"),
            length: length, hreflang: element.attribute(localName: "hreflang")))
        if rel == "enclosure", !href.isEmpty {
            enclosures.append(FeedEnclosure(url: href, type: type, length: length))
        }
    }

    /// Sets a date; a later element of the same kind overrides an earlier one, as in feed readers.
    static func setPublished(_ element: XMLElement, _ date: inout Date?, _ text: inout String?) {
        guard let value = nonEmpty(element.text) else { return }
        text = value
        date = FeedDateParser.parse(value)
    }

    static func setUpdated(_ element: XMLElement, _ date: inout Date?, _ text: inout String?) {
        guard let value = nonEmpty(element.text) else { return }
        text = value
        date = FeedDateParser.parse(value)
    }

    /// An element's value as written: its text, or the markup a feed left unescaped in it.
    static func rawValue(_ element: XMLElement) -> String? {
        if element.hasElementChildren {
            return nonEmpty(MarkupSerializer.serialize(element.children))
        }
        return nonEmpty(element.text)
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingASCIIWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}

import Foundation
