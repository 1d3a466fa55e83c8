/// Makes feed-derived text safe to show: on a terminal, in a log, in a mail
/// header. A hostile feed must not be able to move the cursor, recolour a
/// terminal, spoof text direction or start a new header line.
public enum TextCleaner {
    /// Removes escape sequences, control characters (keeping newlines and
    /// tabs) and bidirectional overrides.
    public static func plain(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x1b:
                // ESC: skip a CSI (ESC [ ... final), an OSC/DCS/PM/APC string
                // (up to BEL or ESC \), or a two-character sequence.
                guard let next = pending else { continue }
                pending = scalars.next()
                if next == "[" {
                    while let inner = pending, !(0x40...0x7e).contains(inner.value) { pending = scalars.next() }
                    pending = scalars.next()
                } else if next == "]" || next == "P" || next == "^" || next == "_" || next == "X" {
                    while let inner = pending {
                        pending = scalars.next()
                        if inner.value == 0x07 { break }
                        if inner.value == 0x1b { pending = scalars.next(); break }
                    }
                }
            case 0x0a, 0x09:
                out.append(scalar)
            case 0x0d:
                continue
            case 0x00...0x1f, 0x7f, 0x80...0x9f:
                continue
            case 0x202a...0x202e, 0x2066...0x2069, 0x200e, 0x200f, 0x061c:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `plain`, on one line with runs of whitespace collapsed, shortened to
    /// `limit` characters with an ellipsis.
    public static func singleLine(_ text: String, limit: Int = 300) -> String {
        let words = plain(text).split(whereSeparator: { $0.isWhitespace })
        let joined = words.joined(separator: " ")
        guard joined.count > limit else { return joined }
        return String(joined.prefix(max(limit - 1, 1))) + "…"
    }

    /// Escapes text for HTML element content and quoted attribute values.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in plain(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A link safe to put in an href: only http(s) URLs, escaped; anything
    /// else (javascript:, data:) yields nil and is shown as text only.
    public static func safeLink(_ link: String?) -> String? {
        guard let link else { return nil }
        let trimmed = singleLine(link, limit: 2048)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !trimmed.contains(" ") else { return nil }
        return trimmed
    }
}
