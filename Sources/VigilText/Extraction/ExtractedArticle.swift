import Foundation

/// What a web page says as an article: its main text, without the navigation,
/// sidebars, footers and comment sections around it, and what its markup tells
/// about it. Every field but the text may be missing from a page.
public struct ExtractedArticle: Sendable, Equatable {
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    /// Plain text as `HTMLTextExtractor` writes it: paragraphs end in blank lines.
    public var text: String
    /// Absolute http(s) addresses the article links to, other than the page itself,
    /// in order, each once, without fragments; at most `ArticleExtractor.linkLimit`.
    public var links: [String]

    public init(title: String?, author: String?, publishedAt: Date?, text: String, links: [String]) {
        self.title = title
        self.author = author
        self.publishedAt = publishedAt
        self.text = text
        self.links = links
    }
}
