/// A message in the forms people read: a subject line, plain text and HTML.
/// Feed-derived text is already cleaned in `text` and escaped in `html`.
public struct RenderedMessage: Sendable, Equatable {
    public var subject: String
    public var text: String
    public var html: String

    public init(subject: String, text: String, html: String) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}
