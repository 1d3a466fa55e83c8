/// The parts of a text that are someone else's words: inside quotation marks, on
/// lines quoted with `>`, or in a paragraph introduced as a quotation ("The post
/// reads:"). Coverage of an attack repeats the attack's accusations in exactly
/// these places, so the author's own stance is read with them left out.
///
/// Offsets are Unicode scalars of the text, as everywhere in scoring.
public struct QuotedRegions: Sendable, Equatable {
    /// Sorted, non-overlapping half-open ranges of quoted scalars.
    public private(set) var ranges: [Range<Int>]

    public init(ranges: [Range<Int>]) {
        self.ranges = ranges
    }

    /// Finds the quoted regions of `text`. Straight double quotes pair up within a
    /// paragraph; an opening mark left unclosed at a paragraph's end closes there, the
    /// convention for quotations running over several paragraphs.
    public init(of text: String) {
        var found: [Range<Int>] = []
        var open: (start: Int, closer: Unicode.Scalar)?
        var offset = 0
        var lineStart = true
        var lineIsQuote = false
        var lineQuoteStart = 0
        var lineHasText = false
        // Where the last line with text ended: a paragraph's quotation ends there,
        // not at the blank line after it.
        var lastTextEnd = 0
        // A paragraph that follows a line ending in a colon after a reporting word.
        var paragraphIsQuote = false
        var paragraphStart = 0
        var line: [Unicode.Scalar] = []

        func closeOpen(at end: Int) {
            if let current = open, end > current.start { found.append(current.start..<end) }
            open = nil
        }

        func endLine(at end: Int) {
            // A quoted line takes its line break, so consecutive quoted lines are one quotation.
            if lineIsQuote, end > lineQuoteStart { found.append(lineQuoteStart..<(end + 1)) }
            if !lineHasText {
                closeOpen(at: lastTextEnd)
                if paragraphIsQuote, lastTextEnd > paragraphStart { found.append(paragraphStart..<lastTextEnd) }
                paragraphIsQuote = false
            } else {
                lastTextEnd = end
                if Self.introducesQuotation(line) {
                    if paragraphIsQuote, end > paragraphStart { found.append(paragraphStart..<end) }
                    paragraphIsQuote = true
                    paragraphStart = end + 1
                }
            }
            line.removeAll(keepingCapacity: true)
            lineStart = true
            lineIsQuote = false
            lineHasText = false
        }

        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                endLine(at: offset)
                offset += 1
                continue
            }
            if lineStart {
                if scalar == " " || scalar == "\t" {
                    offset += 1
                    continue
                }
                lineStart = false
                if scalar == ">" {
                    lineIsQuote = true
                    lineQuoteStart = offset
                }
            }
            if !scalar.properties.isWhitespace { lineHasText = true }
            if line.count < 400 { line.append(scalar) }
            if let current = open {
                if scalar == current.closer || (current.closer == "\u{201D}" && scalar == "\"") {
                    closeOpen(at: offset + 1)
                }
            } else if let closer = Self.closer(of: scalar) {
                open = (offset, closer)
            }
            offset += 1
        }
        endLine(at: offset)
        closeOpen(at: offset)
        if paragraphIsQuote, offset > paragraphStart { found.append(paragraphStart..<offset) }
        // A quoted last line took a line break the text does not have.
        found = found.map { $0.lowerBound..<min($0.upperBound, offset) }
        ranges = Self.merged(found)
    }

    /// The closing mark for an opening quotation mark.
    static func closer(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "\"": "\""
        case "\u{201C}": "\u{201D}"  // “ ”
        case "\u{201E}": "\u{201C}"  // „ “
        case "\u{00AB}": "\u{00BB}"  // « »
        case "\u{300C}": "\u{300D}"  // 「 」
        case "\u{300E}": "\u{300F}"  // 『 』
        default: nil
        }
    }

    /// Whether a line announces a quotation below it: it ends with a colon and
    /// names an act of writing or saying ("The post reads:", "It wrote:").
    static func introducesQuotation(_ line: [Unicode.Scalar]) -> Bool {
        var end = line.count
        while end > 0, line[end - 1].properties.isWhitespace { end -= 1 }
        guard end > 0, line[end - 1] == ":" else { return false }
        let words = VoiceCues.words(in: String(String.UnicodeScalarView(line[..<end])))
        return words.contains { VoiceCues.introducesQuote.contains($0) }
    }

    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// How many scalars of `span` are quoted.
    public func quotedCount(in span: Range<Int>) -> Int {
        var count = 0
        for range in ranges {
            if range.lowerBound >= span.upperBound { break }
            let low = max(range.lowerBound, span.lowerBound)
            let high = min(range.upperBound, span.upperBound)
            if high > low { count += high - low }
        }
        return count
    }

    /// The text of a sentence that starts at scalar `start` with its quoted parts
    /// left out: the author's own words.
    public func unquoted(_ sentence: String, start: Int) -> String {
        let span = start..<(start + sentence.unicodeScalars.count)
        guard quotedCount(in: span) > 0 else { return sentence }
        var kept = String.UnicodeScalarView()
        var offset = start
        var index = ranges.firstIndex { $0.upperBound > start } ?? ranges.endIndex
        for scalar in sentence.unicodeScalars {
            while index < ranges.endIndex, ranges[index].upperBound <= offset { index += 1 }
            let quoted = index < ranges.endIndex && ranges[index].contains(offset)
            if !quoted { kept.append(scalar) }
            offset += 1
        }
        return String(kept)
    }
}
