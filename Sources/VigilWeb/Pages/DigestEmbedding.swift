import Foundation

/// The HTML digest, made to sit inside a dashboard page. The digest is
/// written for e-mail, with every style inline, which the dashboard's
/// Content-Security-Policy refuses; the page's stylesheet lays it out instead.
///
/// The changes are safe to make on the text: the digest renderer escapes
/// every double quote in feed text and percent-encodes it in links, so a
/// `"` in its output only ever delimits an attribute vigil wrote.
enum DigestEmbedding {
    static func markup(ofDocument document: String) -> String {
        linkingSafely(withoutInlineStyles(body(of: document)))
    }

    /// What lies between `<body …>` and `</body>`: the head and its title go.
    static func body(of document: String) -> String {
        guard let open = document.range(of: "<body"),
              let openEnd = document[open.upperBound...].firstIndex(of: ">"),
              let close = document.range(of: "</body>", options: .backwards),
              openEnd < close.lowerBound
        else { return document }
        return String(document[document.index(after: openEnd)..<close.lowerBound])
    }

    /// The markup without any `style` attribute.
    static func withoutInlineStyles(_ markup: String) -> String {
        var result = ""
        result.reserveCapacity(markup.utf8.count)
        var rest = markup[...]
        while let start = rest.range(of: " style=\"") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "\"") else {
                rest = rest[rest.endIndex...]
                break
            }
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return result
    }

    /// Links to feed content give the site they open no handle on the
    /// dashboard, no referrer and no ranking, as every other page's do.
    static func linkingSafely(_ markup: String) -> String {
        markup.replacingOccurrences(of: "<a href=\"", with: "<a rel=\"\(Display.feedLinkRel)\" href=\"")
    }
}
