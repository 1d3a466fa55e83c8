import Foundation

/// Splits text into the word pieces the sentence encoder was trained on, as BERT's
/// uncased tokenizer does: control characters dropped, CJK ideographs and
/// punctuation made words of their own, words lower-cased with accents removed,
/// then each word split greedily into the longest pieces in the vocabulary
/// (continuations marked `##`), and a word with no such split read as unknown.
struct WordPieceTokenizer: Sendable {
    static let classToken: Int32 = 101
    static let separatorToken: Int32 = 102
    static let unknownToken: Int32 = 100
    /// Longer words are read as unknown, as the original tokenizer does.
    static let maximumWordLength = 100

    private let vocabulary: [String: Int32]

    init(vocabulary: [String]) {
        var table: [String: Int32] = [:]
        table.reserveCapacity(vocabulary.count)
        for (index, piece) in vocabulary.enumerated() { table[piece] = Int32(index) }
        self.vocabulary = table
    }

    /// The piece ids of `text` between the class and separator tokens, at most
    /// `limit` in all (the rest of a long text is cut).
    func tokens(_ text: Substring, limit: Int) -> [Int32] {
        var ids: [Int32] = [Self.classToken]
        let room = max(2, limit) - 1
        for word in words(text) {
            guard ids.count < room else { break }
            ids += pieces(of: word)
        }
        if ids.count > room { ids.removeLast(ids.count - room) }
        ids.append(Self.separatorToken)
        return ids
    }

    private func pieces(of word: String) -> [Int32] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count <= Self.maximumWordLength else { return [Self.unknownToken] }
        var found: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var match: Int32?
            while start < end {
                var piece = start == 0 ? "" : "##"
                piece.unicodeScalars.append(contentsOf: scalars[start..<end])
                if let id = vocabulary[piece] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else { return [Self.unknownToken] }
            found.append(match)
            start = end
        }
        return found
    }

    /// Words as the basic tokenizer finds them, normalised.
    private func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            guard !current.isEmpty else { return }
            words.append(Self.normalised(String(current)))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD { continue }
            let category = scalar.properties.generalCategory
            if scalar == "\t" || scalar == "\n" || scalar == "\r" || category == .spaceSeparator || scalar.properties.isWhitespace {
                finish()
                continue
            }
            if Self.isControl(category) { continue }
            if Self.isIdeograph(value) || Self.isPunctuation(scalar, category) {
                finish()
                current.append(scalar)
                finish()
                continue
            }
            current.append(scalar)
        }
        finish()
        return words
    }

    private static func normalised(_ word: String) -> String {
        let decomposed = word.lowercased().decomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            kept.append(scalar)
        }
        return String(kept)
    }

    private static func isControl(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .control, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }

    /// ASCII symbols count as punctuation too, as in BERT (`$`, `+`, `^`, `` ` ``).
    private static func isPunctuation(_ scalar: Unicode.Scalar, _ category: Unicode.GeneralCategory) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value) {
            return true
        }
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    private static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2B73F).contains(value) || (0x2B740...0x2B81F).contains(value)
            || (0x2B820...0x2CEAF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
    }
}
