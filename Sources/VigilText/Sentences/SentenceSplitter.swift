/// Splits text into sentences for evidence and for locating mentions.
///
/// Feed text is messy: abbreviations ("Dr.", "e.g."), initials ("A. Lovelace"),
/// decimals, URLs, quoted speech and Chinese or Japanese full stops that are not
/// followed by a space. The splitter is rule-based and predictable rather than
/// clever, because sentence offsets end up in stored findings and must not change
/// between runs or versions without reason.
public struct SentenceSplitter: Sendable {
    /// Words that, followed by a period, almost never end a sentence.
    private let abbreviations: Set<String>
    private let longestAbbreviation: Int

    public init() {
        self.abbreviations = SentenceSplitter.defaultAbbreviations
        self.longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0
    }

    /// Creates a splitter that also treats `extraAbbreviations` (without their
    /// final period, any case) as non-terminal.
    public init(extraAbbreviations: [String]) {
        self.abbreviations = SentenceSplitter.defaultAbbreviations.union(extraAbbreviations.map { $0.lowercased() })
        self.longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0
    }

    static let defaultAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "rev", "hon", "gen", "col", "lt", "sgt",
        "capt", "gov", "sen", "rep", "pres", "messrs", "vs", "cf", "e.g", "i.e", "eg", "ie", "viz", "approx",
        "ca", "no", "nos", "fig", "figs", "vol", "vols", "pp", "p", "ed", "eds", "dept", "est", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ph.d", "u.s", "u.k", "a.m",
        "p.m", "op", "cit", "ibid", "resp", "esp", "incl", "z.b", "bzw", "usw", "ggf",
    ]

    /// The sentences of `text`, in order, with offsets in Unicode scalars of `text`.
    public func sentences(in text: String) -> [Sentence] {
        let ranges = ranges(of: Array(text.unicodeScalars))
        guard !ranges.isEmpty else { return [] }
        // Each sentence is a slice of the original string: one walk over the
        // scalar indices turns the (ascending) offsets into string indices.
        let view = text.unicodeScalars
        var result: [Sentence] = []
        result.reserveCapacity(ranges.count)
        var index = view.startIndex
        var offset = 0
        func advance(to target: Int) {
            while offset < target {
                view.formIndex(after: &index)
                offset += 1
            }
        }
        for range in ranges {
            advance(to: range.lowerBound)
            let lower = index
            advance(to: range.upperBound)
            result.append(Sentence(start: range.lowerBound, end: range.upperBound, text: String(view[lower..<index])))
        }
        return result
    }

    /// Where the sentences of `text` start, in Unicode scalars: enough to locate
    /// a mention without building every sentence's text.
    func sentenceStarts(in text: String) -> [Int] {
        ranges(of: Array(text.unicodeScalars)).map(\.lowerBound)
    }

    private func ranges(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0

        func emit(upTo end: Int) {
            var first = start
            var last = end
            while first < last, SentenceSplitter.isSpace(scalars[first]) { first += 1 }
            while last > first, SentenceSplitter.isSpace(scalars[last - 1]) { last -= 1 }
            if first < last { result.append(first..<last) }
            start = end
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\u{2029}" {
                // A blank line (or a paragraph separator) ends a sentence even without punctuation:
                // headlines, list items and signatures rarely carry a full stop.
                var next = index + 1
                while next < scalars.count, SentenceSplitter.isSpace(scalars[next]), scalars[next] != "\n" { next += 1 }
                if scalar == "\u{2029}" || (next < scalars.count && scalars[next] == "\n") {
                    emit(upTo: index)
                    index = next
                    continue
                }
                index += 1
                continue
            }
            if SentenceSplitter.isFullWidthTerminator(scalar) {
                var end = index + 1
                while end < scalars.count, SentenceSplitter.isFullWidthTerminator(scalars[end]) || SentenceSplitter.isTerminator(scalars[end]) { end += 1 }
                while end < scalars.count, SentenceSplitter.isCloser(scalars[end]) { end += 1 }
                emit(upTo: end)
                index = end
                continue
            }
            if SentenceSplitter.isTerminator(scalar) {
                var end = index + 1
                while end < scalars.count, SentenceSplitter.isTerminator(scalars[end]) { end += 1 }
                let runIsSinglePeriod = scalar == "." && end - index == 1
                while end < scalars.count, SentenceSplitter.isCloser(scalars[end]) { end += 1 }
                if end == scalars.count {
                    emit(upTo: end)
                    index = end
                    continue
                }
                guard SentenceSplitter.isSpace(scalars[end]) else {
                    // "3.14", "example.org/a.b", "e.g.x": no space, no sentence end.
                    index = end
                    continue
                }
                var next = end
                while next < scalars.count, SentenceSplitter.isSpace(scalars[next]) { next += 1 }
                if next < scalars.count, scalars[next].properties.isLowercase {
                    index = end
                    continue
                }
                if runIsSinglePeriod, isAbbreviationOrInitial(before: index, in: scalars) {
                    index = end
                    continue
                }
                emit(upTo: end)
                index = end
                continue
            }
            index += 1
        }
        emit(upTo: scalars.count)
        return result
    }

    /// Whether the word ending just before the period at `period` is a known
    /// abbreviation or a single-letter initial.
    private func isAbbreviationOrInitial(before period: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var first = period
        while first > 0 {
            let previous = scalars[first - 1]
            if previous.properties.isAlphabetic || previous == "." { first -= 1 } else { break }
        }
        guard first < period else { return false }
        if period - first == 1 { return scalars[first].properties.isUppercase || abbreviations.contains(String(scalars[first]).lowercased()) }
        guard period - first <= longestAbbreviation else { return false }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[first..<period])
        let letters = String(word)
        return abbreviations.contains(letters.lowercased())
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "\u{2026}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}": return true
        default: return false
        }
    }

    /// Chinese and Japanese sentence ends, which are not followed by a space.
    static func isFullWidthTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF61}", "\u{FF0E}": return true
        default: return false
        }
    }

    /// Closing quotes and brackets that belong to the sentence they close.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "}", "\u{2019}", "\u{201D}", "\u{00BB}", "\u{203A}",
             "\u{300D}", "\u{300F}", "\u{FF09}", "\u{3011}", "\u{FF63}", "\u{FF02}", "\u{FF07}":
            return true
        default: return false
        }
    }
}
