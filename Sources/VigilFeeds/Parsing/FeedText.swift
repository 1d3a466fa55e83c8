/// A text construct (title, summary, content) as the feed sent it.
///
/// The value is kept as it was: markup for `html` and `xhtml`, plain text for
/// `text`. Nothing is sanitised here; the text extractor turns it into plain
/// text for scoring, and whoever displays it must sanitise it for display.
public struct FeedText: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case text, html, xhtml
        /// Another media type (Atom `type="image/png"`, base64 or a JSON body); see `mediaType`.
        case other
    }

    public var kind: Kind
    /// The value: plain text, or HTML/XHTML markup as sent (for xhtml, the inner markup of the `div`).
    public var value: String
    /// The media type as the feed declared it, or the one implied by `kind`.
    public var mediaType: String
    /// `xml:lang` in effect, if any.
    public var language: String?
    /// The base URI in effect (`xml:base` or the document's URL), for resolving links inside `value`.
    public var base: String?

    public init(kind: Kind, value: String, mediaType: String? = nil, language: String? = nil, base: String? = nil) {
        self.kind = kind
        self.value = value
        self.mediaType = mediaType ?? kind.defaultMediaType
        self.language = language
        self.base = base
    }
}

extension FeedText.Kind {
    var defaultMediaType: String {
        switch self {
        case .text: "text/plain"
        case .html: "text/html"
        case .xhtml: "application/xhtml+xml"
        case .other: "application/octet-stream"
        }
    }
}
