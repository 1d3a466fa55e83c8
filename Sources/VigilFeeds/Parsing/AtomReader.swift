/// Reads Atom 1.0 (RFC 4287) and the Atom 0.3 draft still served by old blogs.
struct AtomReader {
    let format: FeedFormat
    let scope: ReadingScope

    func read(_ root: XMLElement) -> ParsedFeed {
        // Atom 0.3 feeds appear under draft and made-up namespaces; trust the root's.
        let keys = ReaderKeys(core: format == .atom10
            ? [FeedNamespace.atom10] : [FeedNamespace.atom03, "", FeedNamespace.atom10, root.namespace])
        var feed = ParsedFeed(format: format)
        let feedScope = scope.entering(root)
        feed.language = feedScope.language
        for case .element(let element) in root.children {
            let key = keys.key(for: element)
            // Worked out only for the elements that use their own scope (links, ids, extensions).
            lazy var inner = feedScope.entering(element)
            switch key {
            case ":title":
                if feed.title == nil { feed.title = TextReading.atomText(element, scope: feedScope) }
            case ":subtitle", ":tagline":
                if feed.subtitle == nil { feed.subtitle = TextReading.atomText(element, scope: feedScope) }
            case ":rights", ":copyright":
                if feed.rights == nil { feed.rights = TextReading.atomText(element, scope: feedScope) }
            case ":id":
                if feed.id == nil { feed.id = ExtensionReading.nonEmpty(element.text).map { inner.resolve($0) ?? $0 } }
            case ":updated", ":modified":
                ExtensionReading.setUpdated(element, &feed.updated, &feed.updatedText)
            case ":author":
                feed.authors.append(TextReading.atomPerson(element, scope: feedScope))
            case ":link":
                var enclosures: [FeedEnclosure] = []
                ExtensionReading.readAtomLink(element, scope: feedScope, links: &feed.links, enclosures: &enclosures)
            case ":generator":
                feed.generator = ExtensionReading.nonEmpty(element.text)
            case ":category":
                if let category = Self.category(element) { feed.categories.append(category) }
            case ":entry":
                feed.entries.append(readEntry(element, scope: inner, keys: keys))
            default:
                _ = ExtensionReading.apply(key, element, scope: inner, to: &feed)
            }
        }
        feed.link = Self.alternate(feed.links)
        return feed
    }

    private func readEntry(_ entryElement: XMLElement, scope: ReadingScope, keys: ReaderKeys) -> ParsedEntry {
        var entry = ParsedEntry()
        for case .element(let element) in entryElement.children {
            let key = keys.key(for: element)
            // Worked out only for the elements that use their own scope (links, ids, extensions).
            lazy var inner = scope.entering(element)
            switch key {
            case ":id":
                // Relative ids are resolved like links, as feed readers do.
                if entry.id == nil { entry.id = ExtensionReading.nonEmpty(element.text).map { inner.resolve($0) ?? $0 } }
            case ":title":
                if entry.title == nil { entry.title = TextReading.atomText(element, scope: scope) }
            case ":link":
                ExtensionReading.readAtomLink(element, scope: scope, links: &entry.links, enclosures: &entry.enclosures)
            case ":author":
                entry.authors.append(TextReading.atomPerson(element, scope: scope))
            case ":contributor":
                entry.contributors.append(TextReading.atomPerson(element, scope: scope))
            case ":published", ":issued":
                ExtensionReading.setPublished(element, &entry.published, &entry.publishedText)
            case ":updated", ":modified":
                ExtensionReading.setUpdated(element, &entry.updated, &entry.updatedText)
            case ":created":
                if entry.publishedText == nil, format == .atom03 {
                    ExtensionReading.setPublished(element, &entry.published, &entry.publishedText)
                }
            case ":summary":
                if entry.summary == nil { entry.summary = TextReading.atomText(element, scope: scope) }
            case ":content":
                entry.content.append(TextReading.atomText(element, scope: scope))
            case ":category":
                if let category = Self.category(element) { entry.categories.append(category) }
            case ":source":
                break
            default:
                _ = ExtensionReading.apply(key, element, scope: inner, to: &entry)
            }
        }
        entry.link = Self.alternate(entry.links)
        entry.dedupeKey = DedupeKey.make(
            id: entry.id, link: entry.link, title: entry.title?.value,
            date: entry.publishedText ?? entry.updatedText, content: (entry.content.first ?? entry.summary)?.value)
        return entry
    }

    /// An Atom category: `term` (0.3 feeds put it in the text), `scheme`, `label`.
    static func category(_ element: XMLElement) -> FeedCategory? {
        let term = (element.attribute("term") ?? element.text).trimmingASCIIWhitespace()
        let scheme = element.attribute("scheme").flatMap(ExtensionReading.nonEmpty)
        let label = element.attribute("label").flatMap(ExtensionReading.nonEmpty)
        if term.isEmpty, scheme == nil, label == nil { return nil }
        return FeedCategory(term: term, scheme: scheme, label: label)
    }

    /// The page a feed or entry stands for: the first `alternate` link, preferring HTML.
    static func alternate(_ links: [FeedLink]) -> String? {
        let alternates = links.filter { $0.rel == "alternate" && !$0.href.isEmpty }
        return (alternates.first { $0.type == nil || $0.type == "text/html" || $0.type == "application/xhtml+xml" }
            ?? alternates.first)?.href
    }
}
