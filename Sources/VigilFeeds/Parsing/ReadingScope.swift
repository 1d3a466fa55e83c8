import Foundation

/// The `xml:base` and `xml:lang` in effect at an element, inherited from its ancestors.
struct ReadingScope {
    var base: String?
    var language: String?

    /// The scope inside `element`, applying its own xml:base (resolved against ours) and xml:lang.
    func entering(_ element: XMLElement) -> ReadingScope {
        var scope = self
        if let base = element.attribute("xml:base") {
            scope.base = resolve(base) ?? base
        }
        if let language = element.attribute("xml:lang") {
            // "en_US" is a common misspelling of the language tag "en-US".
            scope.language = language.isEmpty ? nil : language.replacingOccurrences(of: "_", with: "-")
        }
        return scope
    }

    /// `reference` resolved against the base; unchanged when it is absolute or there is no base.
    func resolve(_ reference: String) -> String? {
        let trimmed = reference.trimmingASCIIWhitespace()
        guard let base, !base.isEmpty else { return trimmed }
        if trimmed.isEmpty { return base }
        if Self.hasScheme(trimmed) { return trimmed }
        guard let baseURL = URL(string: base) ?? URL(string: base.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? base),
              let resolved = URL(string: trimmed, relativeTo: baseURL) ?? URL(string: trimmed.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? trimmed, relativeTo: baseURL) else {
            return trimmed
        }
        return resolved.absoluteString
    }

    static func hasScheme(_ reference: String) -> Bool {
        // Read from the bytes: every link of every entry passes through here.
        let bytes = reference.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let after = bytes.index(after: colon)
        // A colon a combining mark follows is no colon as a character: decide as characters.
        if after < bytes.endIndex, bytes[after] >= 0x80 { return hasSchemeReadingCharacters(reference) }
        guard colon > bytes.startIndex, ASCII.isLetter(bytes[bytes.startIndex]) else { return false }
        return bytes[..<colon].allSatisfy { byte in
            ASCII.isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    private static func hasSchemeReadingCharacters(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":") else { return false }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
