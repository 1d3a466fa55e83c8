import Foundation

/// The title, author, date and links of an article, each from the first of the
/// places pages put it:
/// - title: `og:title`, else `<title>` (less a ` | Site` or ` - Site` suffix, or one
///   after an en or em dash or a middle dot, when `og:site_name` is that site), else
///   the article's first `<h1>`;
/// - author: `<meta name="author">`, else `article:author`, else the text of a
///   `rel="author"` link, in the article first, then anywhere in the page;
/// - date: `article:published_time`, else the first `<time datetime>` in the
///   article that reads as ISO 8601;
/// - links: the `<a href>`s of the article outside its chrome, the first
///   `ArticleExtractor.linkLimit` of them.
struct ArticleFields {
    let outline: PageOutline
    let region: ArticleRegion
    let bytes: UnsafeBufferPointer<UInt8>

    var title: String? {
        if let title = Self.oneLine(outline.metadata["og:title"]) { return title }
        if let title = Self.oneLine(outline.title) {
            guard let site = Self.oneLine(outline.metadata["og:site_name"]) else { return title }
            for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{00B7} "] {
                if let suffix = title.range(of: separator + site, options: [.anchored, .backwards, .caseInsensitive]),
                   let trimmed = Self.oneLine(String(title[..<suffix.lowerBound])) {
                    return trimmed
                }
            }
            return title
        }
        return region.kept.lazy
            .filter { outline.elements[$0].name == ElementName.heading1 }
            .compactMap { text(of: $0) }
            .first
    }

    var author: String? {
        if let author = Self.oneLine(outline.metadata["author"]) { return author }
        if let author = Self.oneLine(outline.metadata["article:author"]) { return author }
        let byline = { (index: Int) -> String? in
            guard self.outline.elements[index].name == ElementName.anchor,
                  let rel = self.attribute("rel", of: index),
                  rel.lowercased().split(whereSeparator: \.isWhitespace).contains("author")
            else { return nil }
            return self.text(of: index)
        }
        return region.descendants.lazy.compactMap(byline).first
            ?? outline.elements.indices.lazy.compactMap(byline).first
    }

    var publishedAt: Date? {
        if let published = outline.metadata["article:published_time"], let date = PublicationDate.parse(published) {
            return date
        }
        return region.kept.lazy
            .filter { outline.elements[$0].name == ElementName.time }
            .compactMap { attribute("datetime", of: $0).flatMap(PublicationDate.parse) }
            .first
    }

    func links(resolver: LinkResolver) -> [String] {
        var seenHrefs: Set<String> = []
        var seen: Set<String> = []
        var links: [String] = []
        for index in region.kept where outline.elements[index].name == ElementName.anchor {
            // Menus repeat their hrefs; each is resolved once.
            guard let href = attribute("href", of: index), seenHrefs.insert(href).inserted,
                  let link = resolver.resolve(href), seen.insert(link).inserted
            else { continue }
            links.append(link)
            if links.count == ArticleExtractor.linkLimit { break }
        }
        return links
    }

    private func attribute(_ name: StaticString, of index: Int) -> String? {
        let element = outline.elements[index]
        guard !element.attributes.isEmpty,
              let value = TagAttributes(bytes: bytes, range: element.attributes).value(of: name)
        else { return nil }
        return AttributeText.decoded(bytes, value)
    }

    /// The text of an element on one line, nil when it has none.
    private func text(of index: Int) -> String? {
        let element = outline.elements[index]
        let content = UnsafeBufferPointer(rebasing: bytes[element.contentStart..<element.contentEnd])
        return Self.oneLine(HTMLTextExtractor().text(fromUTF8: content))
    }

    /// `text` with its whitespace collapsed to single spaces, nil when nothing else is left.
    private static func oneLine(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.isEmpty ? nil : line
    }
}
