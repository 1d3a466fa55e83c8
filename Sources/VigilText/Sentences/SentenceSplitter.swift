import VigilBytes

/// Splits text into sentences for evidence and for locating mentions.
///
/// Feed text is messy: abbreviations ("Dr.", "e.g."), initials ("A. Lovelace"),
/// decimals, URLs, quoted speech and Chinese or Japanese full stops that are not
/// followed by a space. The splitter is rule-based and predictable rather than
/// clever, because sentence offsets end up in stored findings and must not change
/// between runs or versions without reason.
///
/// It reads the text's UTF-8 in place, decoding scalars as it goes and counting
/// them for the offsets: every document is split on the scan and polling paths,
/// and a copy of the text as an array of scalars cost more than the rules.
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
        var text = text
        return text.withUTF8 { bytes in
            let spans = spans(in: bytes)
            var result: [Sentence] = []
            result.reserveCapacity(spans.count)
            for span in spans {
                let slice = UnsafeBufferPointer(rebasing: bytes[span.lower.byte..<span.upper.byte])
                result.append(Sentence(start: span.lower.scalar, end: span.upper.scalar, text: String(decoding: slice, as: UTF8.self)))
            }
            return result
        }
    }

    /// Where the sentences of `text` start, in Unicode scalars: enough to locate
    /// a mention without building every sentence's text.
    func sentenceStarts(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in spans(in: bytes).map(\.lower.scalar) }
    }

    /// A place in the text, as a UTF-8 offset (for slicing) and a scalar offset (for
    /// reporting); the two always move together.
    private struct Position {
        var byte: Int
        var scalar: Int
    }

    /// One sentence, trimmed of surrounding whitespace.
    private struct Span {
        var lower: Position
        var upper: Position
    }

    /// The bytes of a Swift string, which are always valid UTF-8.
    private struct Scalars {
        let bytes: UnsafeBufferPointer<UInt8>

        /// The scalar that starts at `byte`, and how many bytes it takes.
        @inline(__always)
        func scalar(at byte: Int) -> (scalar: Unicode.Scalar, width: Int) {
            let lead = UInt32(bytes[byte])
            if lead < 0x80 { return (Unicode.Scalar(UInt8(truncatingIfNeeded: lead)), 1) }
            if lead < 0xE0 {
                let value = (lead & 0x1F) << 6 | UInt32(bytes[byte + 1] & 0x3F)
                return (Unicode.Scalar(value).unsafelyUnwrapped, 2)
            }
            if lead < 0xF0 {
                let value = (lead & 0x0F) << 12 | UInt32(bytes[byte + 1] & 0x3F) << 6 | UInt32(bytes[byte + 2] & 0x3F)
                return (Unicode.Scalar(value).unsafelyUnwrapped, 3)
            }
            let value = (lead & 0x07) << 18 | UInt32(bytes[byte + 1] & 0x3F) << 12
                | UInt32(bytes[byte + 2] & 0x3F) << 6 | UInt32(bytes[byte + 3] & 0x3F)
            return (Unicode.Scalar(value).unsafelyUnwrapped, 4)
        }

        /// The scalar that ends just before `byte`, and how many bytes it takes.
        @inline(__always)
        func scalar(before byte: Int) -> (scalar: Unicode.Scalar, width: Int) {
            var lead = byte - 1
            while bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            return (scalar(at: lead).scalar, byte - lead)
        }

        /// `position` moved past the scalar at it, `width` bytes long.
        @inline(__always)
        static func after(_ position: Position, width: Int) -> Position {
            Position(byte: position.byte + width, scalar: position.scalar + 1)
        }

        /// `position` moved past the run of scalars that no rule looks at: everything
        /// but a line feed, ".", "!", "?" and the scalars whose UTF-8 starts with E2
        /// (U+2026, U+2029, U+203C, U+2047 to U+2049), E3 (U+3002) or EF (the
        /// full-width stops), told apart by their first byte alone.
        @inline(__always)
        func skipOrdinary(from position: Position) -> Position {
            var byte = position.byte
            var scalar = position.scalar
            while byte < bytes.count {
                // Mostly ASCII text goes eight bytes, eight scalars, at a time.
                if byte + 8 <= bytes.count {
                    if !Scalars.mayStopRun(ByteLanes.load(bytes, at: byte)) {
                        byte += 8
                        scalar += 8
                        continue
                    }
                }
                let lead = bytes[byte]
                if lead < 0x80 {
                    if lead == 0x0A || lead == 0x2E || lead == 0x21 || lead == 0x3F { break }
                    byte += 1
                } else {
                    if lead == 0xE2 || lead == 0xE3 || lead == 0xEF { break }
                    byte += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                }
                scalar += 1
            }
            return Position(byte: byte, scalar: scalar)
        }

        /// Whether the eight bytes of `word` are not all ASCII other than a line
        /// feed, ".", "!" and "?".
        @inline(__always)
        static func mayStopRun(_ word: UInt64) -> Bool {
            word & ByteLanes.highBits != 0
                || ByteLanes.equal(word, 0x0A) | ByteLanes.equal(word, 0x2E)
                | ByteLanes.equal(word, 0x21) | ByteLanes.equal(word, 0x3F) != 0
        }

        /// `position` moved past every scalar from it on that `include` accepts.
        @inline(__always)
        func skip(from position: Position, while include: (Unicode.Scalar) -> Bool) -> Position {
            var position = position
            while position.byte < bytes.count {
                let (scalar, width) = scalar(at: position.byte)
                guard include(scalar) else { break }
                position = Scalars.after(position, width: width)
            }
            return position
        }
    }

    private func spans(in bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
        let text = Scalars(bytes: bytes)
        let count = bytes.count
        var result: [Span] = []
        var start = Position(byte: 0, scalar: 0)
        var index = start

        func emit(upTo end: Position) {
            var first = start
            var last = end
            while first.byte < last.byte {
                let (scalar, width) = text.scalar(at: first.byte)
                guard SentenceSplitter.isSpace(scalar) else { break }
                first = Scalars.after(first, width: width)
            }
            while last.byte > first.byte {
                let (scalar, width) = text.scalar(before: last.byte)
                guard SentenceSplitter.isSpace(scalar) else { break }
                last = Position(byte: last.byte - width, scalar: last.scalar - 1)
            }
            if first.byte < last.byte { result.append(Span(lower: first, upper: last)) }
            start = end
        }

        while index.byte < count {
            index = text.skipOrdinary(from: index)
            guard index.byte < count else { break }
            let (scalar, width) = text.scalar(at: index.byte)
            let following = Scalars.after(index, width: width)
            if scalar == "\n" || scalar == "\u{2029}" {
                // A blank line (or a paragraph separator) ends a sentence even without punctuation:
                // headlines, list items and signatures rarely carry a full stop.
                let next = text.skip(from: following) { $0 != "\n" && SentenceSplitter.isSpace($0) }
                if scalar == "\u{2029}" || (next.byte < count && bytes[next.byte] == UInt8(ascii: "\n")) {
                    emit(upTo: index)
                    index = next
                    continue
                }
                index = following
                continue
            }
            if SentenceSplitter.isFullWidthTerminator(scalar) {
                var end = text.skip(from: following) { SentenceSplitter.isFullWidthTerminator($0) || SentenceSplitter.isTerminator($0) }
                end = text.skip(from: end, while: SentenceSplitter.isCloser)
                emit(upTo: end)
                index = end
                continue
            }
            if SentenceSplitter.isTerminator(scalar) {
                var end = text.skip(from: following, while: SentenceSplitter.isTerminator)
                let runIsSinglePeriod = scalar == "." && end.scalar - index.scalar == 1
                end = text.skip(from: end, while: SentenceSplitter.isCloser)
                if end.byte == count {
                    emit(upTo: end)
                    index = end
                    continue
                }
                guard SentenceSplitter.isSpace(text.scalar(at: end.byte).scalar) else {
                    // "3.14", "example.org/a.b", "e.g.x": no space, no sentence end.
                    index = end
                    continue
                }
                let next = text.skip(from: end, while: SentenceSplitter.isSpace)
                if next.byte < count, SentenceSplitter.isLowercase(text.scalar(at: next.byte).scalar) {
                    index = end
                    continue
                }
                if runIsSinglePeriod, isAbbreviationOrInitial(before: index, in: text) {
                    index = end
                    continue
                }
                emit(upTo: end)
                index = end
                continue
            }
            index = following
        }
        emit(upTo: index)
        return result
    }

    /// Whether the word ending just before the period at `period` is a known
    /// abbreviation or a single-letter initial.
    private func isAbbreviationOrInitial(before period: Position, in text: Scalars) -> Bool {
        // A word longer than every abbreviation is neither, so the walk back stops one scalar past that length.
        let longest = max(longestAbbreviation, 1)
        var first = period
        while first.byte > 0, period.scalar - first.scalar <= longest {
            let (previous, width) = text.scalar(before: first.byte)
            guard SentenceSplitter.isAlphabetic(previous) || previous == "." else { break }
            first = Position(byte: first.byte - width, scalar: first.scalar - 1)
        }
        let length = period.scalar - first.scalar
        guard length > 0 else { return false }
        if length == 1 {
            let letter = text.scalar(at: first.byte).scalar
            return SentenceSplitter.isUppercase(letter) || abbreviations.contains(String(letter).lowercased())
        }
        guard length <= longestAbbreviation else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[first.byte..<period.byte]), as: UTF8.self)
        return abbreviations.contains(word.lowercased())
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Unicode's Lowercase property; among ASCII only a to z have it.
    @inline(__always)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x61 && scalar.value <= 0x7A }
        return scalar.properties.isLowercase
    }

    /// Unicode's Uppercase property; among ASCII only A to Z have it.
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase
    }

    /// Unicode's Alphabetic property; among ASCII only the Latin letters have it.
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
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
