import Foundation

/// The forms a digest is rendered in.
public enum DigestFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case html
    case json

    public init(parsing name: String) throws {
        guard let format = DigestFormat(rawValue: name.lowercased()) else {
            throw DigestError("unknown digest format '\(name)'; use text, markdown, html or json")
        }
        self = format
    }

    /// The digest in this form, ending with a newline.
    public func render(_ digest: Digest) throws -> String {
        switch self {
        case .text: TextDigestRenderer(digest: digest).render()
        case .markdown: MarkdownDigestRenderer(digest: digest).render()
        case .html: HTMLDigestRenderer(digest: digest).render()
        case .json: try JSONDigestRenderer.render(digest)
        }
    }

    /// The MIME type a channel should announce.
    public var mediaType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: "application/json"
        }
    }
}
