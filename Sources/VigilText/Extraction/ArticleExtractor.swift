import Foundation

/// Reads a whole web page (a blog post a comment links to) as an article: the
/// main text without the page's chrome, its title, author, date and links.
///
/// The article is the page's one `<article>`, `<main>` or `role="main"` element,
/// else its body; navigation, sidebars, comments, share buttons, cookie notices
/// and related posts are cut out of it (`ArticleRegion`, `PageChrome` say how).
/// The text follows `HTMLTextExtractor`'s conventions. Like that extractor it is a
/// scanner, not a parser: it never fails, whatever the markup, and reads each byte
/// a bounded number of times.
public struct ArticleExtractor: Sendable {
    /// At most this many links come from one page: an article cites a few dozen,
    /// and a page of thousands is a directory, not a trail to follow.
    public static let linkLimit = 500

    public init() {}

    /// The article in `html`, the page found at `pageURL`.
    public func article(fromHTML html: String, pageURL: String) -> ExtractedArticle {
        article(fromHTML: Array(html.utf8), pageURL: pageURL)
    }

    /// The article in a page given as UTF-8 bytes (ill-formed sequences replaced),
    /// found at `pageURL`, against which relative links are resolved.
    public func article(fromHTML page: [UInt8], pageURL: String) -> ExtractedArticle {
        page.withUnsafeBufferPointer { bytes in
            let outline = PageOutline(page: bytes)
            let region = ArticleRegion(outline: outline, bytes: bytes)
            let fields = ArticleFields(outline: outline, region: region, bytes: bytes)
            let text = region.bytes(of: bytes, outline: outline).withUnsafeBufferPointer {
                HTMLTextExtractor().text(fromUTF8: $0)
            }
            return ExtractedArticle(
                title: fields.title, author: fields.author, publishedAt: fields.publishedAt, text: text,
                links: fields.links(resolver: LinkResolver(pageURL: pageURL, baseHref: outline.baseHref))
            )
        }
    }
}
