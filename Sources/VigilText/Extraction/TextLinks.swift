/// The web addresses written in plain text or Markdown, such as a GitHub comment:
/// bare (`see https://example.org/post.`), in angle brackets
/// (`<https://example.org/post>`) or as a link's target (`[post](https://example.org/post)`).
///
/// An address starts with `http://` or `https://` (any case; the scheme is given
/// back lowercased) not directly after an ASCII letter or digit, and runs until
/// whitespace, a control character, one of ``<>"`[]{}|\^``, or CJK punctuation, which
/// ends it in Chinese and Japanese prose. Trailing `.,;:!?'"*` are prose, not
/// address, and so is a trailing `)` unless the address opened it
/// (`https://en.wikipedia.org/wiki/Fork_(software)`). An address must name a host.
public enum TextLinks {
    /// At most this many addresses come from one text: a comment listing more is
    /// not a trail to follow but a list to ignore.
    public static let limit = 50

    /// The addresses in `text`, in order, each once.
    public static func urls(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var urls: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < scalars.count, urls.count < limit {
            guard let schemeLength = scheme(scalars, at: index) else {
                index += 1
                continue
            }
            var end = index + schemeLength
            while end < scalars.count, !endsAddress(scalars[end]) { end += 1 }
            let next = end
            end = trimmedEnd(scalars, from: index, to: end)
            let hostStart = index + schemeLength
            if end > hostStart, !"/?#".unicodeScalars.contains(scalars[hostStart]) {
                var url = String(String.UnicodeScalarView(scalars[hostStart..<end]))
                url = (schemeLength == 8 ? "https://" : "http://") + url
                if seen.insert(url).inserted { urls.append(url) }
            }
            index = next
        }
        return urls
    }

    /// The length of `http://` or `https://` at `index`, nil when neither starts there
    /// or a letter or digit comes right before.
    private static func scheme(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard scalars[index] == "h" || scalars[index] == "H" else { return nil }
        if index > 0, scalars[index - 1].isASCII, scalars[index - 1].properties.isAlphabetic
            || ("0"..."9").contains(scalars[index - 1]) {
            return nil
        }
        for prefix in ["https://", "http://"] {
            let pattern = Array(prefix.unicodeScalars)
            guard index + pattern.count <= scalars.count else { continue }
            let matches = zip(scalars[index..<(index + pattern.count)], pattern).allSatisfy { found, expected in
                found == expected || (("A"..."Z").contains(found) && found.value + 0x20 == expected.value)
            }
            if matches { return pattern.count }
        }
        return nil
    }

    private static func endsAddress(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x21 || scalar.value == 0x7F { return true }
        if scalar.isASCII { return #"<>"`[]{}|\^"#.unicodeScalars.contains(scalar) }
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control { return true }
        // CJK symbols and punctuation, and the fullwidth forms of ASCII punctuation.
        switch scalar.value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        default: return false
        }
    }

    /// `end` moved back over the prose punctuation after an address.
    private static func trimmedEnd(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var end = end
        let opened = scalars[start..<end].count { $0 == "(" }
        var closed = scalars[start..<end].count { $0 == ")" }
        while end > start {
            let last = scalars[end - 1]
            if last == ")" {
                guard closed > opened else { break }
                closed -= 1
            } else if !".,;:!?'\"*".unicodeScalars.contains(last) {
                break
            }
            end -= 1
        }
        return end
    }
}
