import Foundation

/// Reading of text constructs and people, shared by the RSS and Atom readers.
enum TextReading {
    /// An RSS element's text: HTML when the element is HTML by definition
    /// (`description`, `content:encoded`), or when it carries markup.
    static func rssText(_ element: XMLElement, scope: ReadingScope, html: Bool) -> FeedText {
        let inner = scope.entering(element)
        if element.hasElementChildren {
            let markup = MarkupSerializer.serialize(element.children).trimmingASCIIWhitespace()
            return FeedText(kind: .html, value: markup, language: inner.language, base: inner.base)
        }
        let value = element.text.trimmingASCIIWhitespace()
        let kind: FeedText.Kind = html || looksLikeHTML(value) ? .html : .text
        return FeedText(kind: kind, value: value, language: inner.language, base: inner.base)
    }

    /// An Atom text construct (`type` text/html/xhtml or a media type; Atom 0.3 `mode`).
    static func atomText(_ element: XMLElement, scope: ReadingScope) -> FeedText {
        let inner = scope.entering(element)
        let type = (element.attribute("type") ?? "").trimmingASCIIWhitespace().lowercased()
        let mode = element.attribute("mode")?.lowercased()
        var kind: FeedText.Kind
        var mediaType: String?
        switch type {
        case "", "text", "text/plain": kind = .text
        case "html", "text/html": kind = .html
        case "xhtml", "application/xhtml+xml": kind = .xhtml
        default:
            if type.hasSuffix("+xml") || type.hasSuffix("/xml") {
                kind = .xhtml
            } else if type.hasPrefix("text/") {
                kind = .text
            } else {
                kind = .other
            }
            mediaType = type
        }
        if mode == "escaped", kind == .xhtml, type != "xhtml", type != "application/xhtml+xml" { kind = .html }
        var value: String
        switch kind {
        case .xhtml:
            if let div = element.soleElement, div.localName == "div",
               div.namespace == FeedNamespace.xhtml || element.namespace == FeedNamespace.atom03 {
                value = MarkupSerializer.serialize(div.children)
            } else {
                value = MarkupSerializer.serialize(element.children)
            }
        default:
            if kind == .html, let div = element.soleElement, div.localName == "div",
               div.namespace == FeedNamespace.xhtml, !div.hasElementChildren {
                // Escaped HTML wrapped in an XHTML div: the div is packaging, its text the HTML.
                value = div.text
            } else if element.hasElementChildren {
                value = MarkupSerializer.serialize(element.children)
                if kind == .text { kind = .html }
            } else {
                value = element.text
            }
        }
        // Atom 0.3 says mode="base64"; Atom 1.0 base64-encodes every other media type.
        if mode == "base64" || (kind == .other && element.namespace == FeedNamespace.atom10),
           let data = Base64.decode(value.trimmingASCIIWhitespace()),
           let decoded = String(validating: data, as: UTF8.self) {
            // Text that merely looks like base64 ("test") does not decode to UTF-8 and stays as it is.
            value = decoded
        }
        value = value.trimmingASCIIWhitespace()
        if type.isEmpty, kind == .text, element.namespace == FeedNamespace.atom03, looksLikeHTML(value) { kind = .html }
        return FeedText(kind: kind, value: value, mediaType: mediaType, language: inner.language, base: inner.base)
    }

    /// Whether plain text is really HTML: an end tag, a `<br>` or `<p>`, or an escaped entity.
    static func looksLikeHTML(_ value: String) -> Bool {
        guard value.utf8.contains(ASCII.lessThan) || value.utf8.contains(ASCII.ampersand) else { return false }
        // Titles with a bare "&" or "<" are common: when no pattern appears even as bytes
        // (a superset of the character matches below), the answer is no, without lowercasing.
        guard containsCandidate(value.utf8) else { return false }
        let lower = value.lowercased()
        if lower.contains("</") || lower.contains("<br") || lower.contains("<p>") || lower.contains("<img") || lower.contains("/>") {
            return true
        }
        return false
    }

    /// Whether any of the patterns `looksLikeHTML` looks for occurs in the bytes, ASCII case ignored.
    private static func containsCandidate(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = ASCII.lowercased(bytes[index])
            let next = bytes.index(after: index)
            if previous == ASCII.lessThan {
                if byte == ASCII.slash { return true }
                if byte == UInt8(ascii: "b"), next < bytes.endIndex, ASCII.lowercased(bytes[next]) == UInt8(ascii: "r") { return true }
                if byte == UInt8(ascii: "p"), next < bytes.endIndex, bytes[next] == ASCII.greaterThan { return true }
                if byte == UInt8(ascii: "i"), bytes[next...].starts(with: "mg".utf8, by: { ASCII.lowercased($0) == $1 }) { return true }
            }
            if previous == ASCII.slash, byte == ASCII.greaterThan { return true }
            previous = byte
            index = next
        }
        return false
    }

    /// An Atom person construct (`name`, `email`, `uri`; Atom 0.3 `url`).
    static func atomPerson(_ element: XMLElement, scope: ReadingScope) -> FeedPerson {
        let inner = scope.entering(element)
        var person = FeedPerson()
        for case .element(let child) in element.children {
            let value = child.text.trimmingASCIIWhitespace()
            guard !value.isEmpty else { continue }
            switch child.localName {
            case "name": person.name = value
            case "email": person.email = value
            case "uri", "url", "homepage": person.uri = inner.entering(child).resolve(value)
            default: break
            }
        }
        if person.isEmpty {
            let text = element.text.trimmingASCIIWhitespace()
            if !text.isEmpty { person = parsePerson(text) }
        }
        return person
    }

    /// A person written as one string: "me@example.com (Ada)", "Ada <me@example.com>", "Ada".
    static func parsePerson(_ text: String) -> FeedPerson {
        // Most feeds give just a name.
        if !text.utf8.contains(UInt8(ascii: "@")) { return FeedPerson(name: text) }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard let emailWord = words.first(where: { $0.contains("@") }) else {
            return FeedPerson(name: text)
        }
        let email = String(emailWord).trimmingCharacters(in: "<>()[]\"',;:")
        var name = text.replacingFirst(String(emailWord), with: "")
        name = name.trimmingCharacters(in: " \t\n")
        if name.hasPrefix("("), name.hasSuffix(")") { name = String(name.dropFirst().dropLast()) }
        name = name.trimmingCharacters(in: " \t\n()<>\"")
        return FeedPerson(name: name.isEmpty ? nil : name, email: email.isEmpty ? nil : email)
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !scalars.contains($0) }),
              let last = view.lastIndex(where: { !scalars.contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(view[first...last]))
    }

    func replacingFirst(_ target: String, with replacement: String) -> String {
        let text = String(self)
        guard let range = text.range(of: target) else { return text }
        return text.replacingCharacters(in: range, with: replacement)
    }
}
