import Foundation

/// A coverage text prepared once for every attack it is compared with.
struct CoverageText {
    let lowercased: String
    let words: [Substring]
    /// Where each run of `minimumQuoteWords` words starts.
    let runs: [String: [Int]]

    init(_ text: String) {
        lowercased = text.lowercased()
        words = CoverageLink.words(text)
        var runs: [String: [Int]] = [:]
        let size = CoverageLink.minimumQuoteWords
        if words.count >= size {
            for start in 0...(words.count - size) {
                runs[words[start..<(start + size)].joined(separator: " "), default: []].append(start)
            }
        }
        self.runs = runs
    }

    func reference(to attack: AttackText) -> CoverageLink.Reason? {
        if let key = attack.linkKey, contains(link: key) { return .link }
        let longest = attack.sentences.map(longestQuote(of:)).max() ?? 0
        return longest >= CoverageLink.minimumQuoteWords ? .quote(words: longest) : nil
    }

    /// Whether the text holds the URL `key` as a whole URL: not inside a
    /// longer host name before it, not followed by more of a path.
    func contains(link key: String) -> Bool {
        var searchFrom = lowercased.startIndex
        while let found = lowercased.range(of: key, range: searchFrom..<lowercased.endIndex) {
            searchFrom = lowercased.index(after: found.lowerBound)
            if startsURL(at: found.lowerBound), endsURL(at: found.upperBound) { return true }
        }
        return false
    }

    private func startsURL(at index: String.Index) -> Bool {
        guard index > lowercased.startIndex else { return true }
        let before = lowercased[lowercased.index(before: index)]
        if before == "." { return lowercased[..<index].hasSuffix("www.") }
        return !(before.isLetter || before.isNumber || before == "-" || before == "_")
    }

    private func endsURL(at index: String.Index) -> Bool {
        var rest = lowercased[index...]
        if rest.first == "/" { rest = rest.dropFirst() }
        guard let next = rest.first else { return true }
        if next == "#" || next == "?" { return true }
        if ".,;:!".contains(next) {
            // Punctuation that ends the sentence, not the URL's own dot.
            guard let after = rest.dropFirst().first else { return true }
            return after.isWhitespace || "\"')]>".contains(after)
        }
        return !(next.isLetter || next.isNumber || "-_~%/=&+@".contains(next))
    }

    /// The longest run of consecutive words of `sentence` found in the text.
    func longestQuote(of sentence: [Substring]) -> Int {
        let size = CoverageLink.minimumQuoteWords
        guard sentence.count >= size else { return 0 }
        var longest = 0
        for start in 0...(sentence.count - size) {
            guard let positions = runs[sentence[start..<(start + size)].joined(separator: " ")] else { continue }
            for position in positions {
                var length = size
                while start + length < sentence.count, position + length < words.count, sentence[start + length] == words[position + length] {
                    length += 1
                }
                longest = max(longest, length)
            }
        }
        return longest
    }
}
