import Foundation

/// Text from feeds is written by whoever wrote the feed, possibly the
/// attacker. Before it reaches a terminal, a browser, an e-mail client or a
/// chat's Markdown renderer it loses what could act rather than read:
/// control characters (terminal escape sequences), bidirectional overrides
/// that make text display in another order than it reads, and, per medium,
/// the markup characters that would turn it into tags or links.
public enum UntrustedText {
    /// One line of inert text: terminal escape sequences, control and
    /// bidi-override characters removed, runs of whitespace (newlines
    /// included) collapsed to one space.
    public static func plain(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in keepingLines(text).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Inert text that keeps its lines and tabs, for multi-line bodies (an
    /// alert's plain-text part): escape sequences (CSI, OSC and the other
    /// string sequences, two-character escapes) are removed whole, other
    /// controls, carriage returns and bidi overrides dropped.
    public static func keepingLines(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x1B:
                guard let next = pending else { continue }
                pending = scalars.next()
                if next == "[" {
                    while let inner = pending, !(0x40...0x7E).contains(inner.value) { pending = scalars.next() }
                    pending = scalars.next()
                } else if next == "]" || next == "P" || next == "^" || next == "_" || next == "X" {
                    while let inner = pending {
                        pending = scalars.next()
                        if inner.value == 0x07 { break }
                        if inner.value == 0x1B { pending = scalars.next(); break }
                    }
                }
            case 0x0A, 0x09:
                out.append(scalar)
            default:
                if !isInert(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// `plain`, then cut to `limit` characters with an ellipsis.
    public static func plain(_ text: String, limit: Int) -> String {
        let cleaned = plain(text)
        guard cleaned.count > limit, limit > 1 else { return cleaned }
        return String(cleaned.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Plain text escaped for HTML element content and quoted attribute values.
    public static func html(_ text: String, limit: Int = .max) -> String {
        var result = ""
        for character in plain(text, limit: limit) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Plain text escaped for Markdown (CommonMark and GitHub tables): markup
    /// punctuation is backslash-escaped so no tag, link, emphasis or table
    /// cell boundary can be smuggled in.
    public static func markdown(_ text: String, limit: Int = .max) -> String {
        var result = ""
        for character in plain(text, limit: limit) {
            if "\\`*_[]()<>|#~&!{}".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A link target safe to put in `href` or a Markdown link: an http or
    /// https URL with a host, with characters that could end the attribute
    /// or the link percent-encoded. Anything else (javascript:, data:, a
    /// relative path) yields nil and is shown as text, not linked.
    public static func webLink(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.unicodeScalars.contains(where: { isInert($0) || $0.properties.isWhitespace }),
              let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        var encoded = ""
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case "\"", "'", "<", ">", "(", ")", "`", "\\", "|", "[", "]", "{", "}":
                encoded += String(format: "%%%02X", scalar.value)
            default:
                encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }

    /// Encoded JSON with the characters JSON leaves raw but terminals may act
    /// on (C1 controls such as U+009B, bidi overrides, line separators)
    /// written as `\u` escapes. The data is unchanged for a JSON reader.
    public static func jsonEscapingInvisibles(_ json: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x80, isInert(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                result.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Characters that must never be shown raw: C0 and C1 controls, DEL,
    /// and the bidirectional embedding, override and isolate controls.
    static func isInert(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }
}
