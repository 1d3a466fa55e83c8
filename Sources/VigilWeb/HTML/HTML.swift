/// A piece of markup that is safe to put on a page. Text becomes markup only
/// through escaping, and tag and attribute names only come from vigil's own
/// code (`StaticString`), so nothing a feed says can open an element or an
/// attribute: the type, not the care of each page, keeps feed text inert.
struct HTML: Sendable, Equatable {
    private(set) var markup: String

    private init(markup: String) {
        self.markup = markup
    }

    /// Text, escaped for element content and quoted attribute values alike.
    init(_ text: String) {
        markup = Self.escape(text)
    }

    static let empty = HTML(markup: "")

    /// An element with its content. Attributes whose value is nil are left out.
    static func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], @HTMLBuilder content: () -> HTML
    ) -> HTML {
        HTML(markup: openingTag(name, attributes) + content().markup + "</\(name)>")
    }

    /// An element that has no content and no closing tag (`input`, `meta`, `link`).
    static func void(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) -> HTML {
        HTML(markup: openingTag(name, attributes))
    }

    /// A whole document: the doctype before the `html` element.
    static func document(_ root: HTML) -> HTML {
        HTML(markup: "<!DOCTYPE html>\n" + root.markup)
    }

    /// Markup made by one of vigil's own renderers (the digest, its chart),
    /// which escape every piece of feed text they put in it themselves.
    /// Never for text from a feed or a request.
    static func prerendered(_ markup: String) -> HTML {
        HTML(markup: markup)
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(markup: lhs.markup + rhs.markup)
    }

    static func joined(_ parts: [HTML]) -> HTML {
        HTML(markup: parts.map(\.markup).joined())
    }

    private static func openingTag(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?>) -> String {
        var tag = "<\(name)"
        for (attribute, value) in attributes {
            guard let value else { continue }
            tag += " \(attribute)=\"\(escape(value))\""
        }
        return tag + ">"
    }

    /// Escapes the five characters that can end text or a quoted attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
