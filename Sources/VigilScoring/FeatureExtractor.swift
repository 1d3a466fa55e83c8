import Foundation
import VigilText

/// Turns text into hashed word and character n-gram counts and stylometric
/// statistics, one sentence at a time, in three linear passes over the sentence's
/// Unicode scalars and no per-word string allocation: scoring speed is a
/// requirement of the daemon.
///
/// A document's features are the sum of its sentences' counts (`extract(_:into:)`),
/// so a scorer that needs every sentence's scores and the document's reads each
/// sentence once; training builds documents the same way, so the models see what
/// the scorer computes. Character n-grams across a sentence boundary are not counted.
public struct FeatureExtractor: Sendable {
    public let configuration: FeatureConfiguration
    private let lexicon = Lexicon.shared
    private let splitter = SentenceSplitter()
    private let slotShift: UInt64

    private static let unigramSeed: UInt64 = 0x5EED_0001
    private static let bigramSeed: UInt64 = 0x5EED_0002
    private static let trigramSeed: UInt64 = 0x5EED_0003
    private static let httpHash = TokenHash.word(Array("http".unicodeScalars.map(\.value)))
    private static let httpsHash = TokenHash.word(Array("https".unicodeScalars.map(\.value)))

    public init(configuration: FeatureConfiguration) {
        self.configuration = configuration
        slotShift = UInt64(64 - configuration.hashBits)
    }

    @inline(__always)
    private func slot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> slotShift)
    }

    /// Fills the workspace's sum with the features of `text`: its sentences (as
    /// `SentenceSplitter` finds them) read one by one and added up, and its
    /// stylometric values in `dense`. A model then weighs and normalises the sum
    /// (`FeatureWorkspace.hashedMargin`, or `finish(idf:)` for training).
    public func extract(_ text: Substring, into workspace: FeatureWorkspace) {
        workspace.sum.clear()
        for sentence in splitter.sentences(in: String(text)) {
            extractSentence(sentence.text[...], into: workspace)
            workspace.addSentenceToSum()
        }
        workspace.fillDense(from: workspace.sum.statistics)
    }

    /// Reads one sentence into the workspace's `sentence` counts (at most
    /// `maxScalars` scalars of it).
    func extractSentence(_ text: Substring, into workspace: FeatureWorkspace) {
        workspace.sentence.clear()
        var stats = TextStatistics()
        // Sized for the most scalars the sentence can give and trimmed afterwards:
        // appending one scalar at a time costs more than normalising it.
        let capacity = min(text.utf8.count, configuration.maxScalars) + 2
        var normalized: [UInt32] = []
        swap(&normalized, &workspace.normalized)
        normalized.removeAll(keepingCapacity: true)
        normalized.append(contentsOf: repeatElement(0, count: capacity))
        let used = normalized.withUnsafeMutableBufferPointer { normalize(text, into: $0, stats: &stats) }
        normalized.removeLast(capacity - used)
        swap(&normalized, &workspace.normalized)
        scanWords(workspace, stats: &stats)
        countCharacterNgrams(workspace)
        workspace.sentence.statistics = stats
    }

    // MARK: pass 1: normalisation and character statistics

    /// Writes the normalised scalars of `text` into `out` (room for every scalar read
    /// plus two) and returns how many it wrote.
    private func normalize(_ text: Substring, into out: UnsafeMutableBufferPointer<UInt32>, stats: inout TextStatistics) -> Int {
        var used = 0
        func append(_ value: UInt32) {
            out[used] = value
            used += 1
        }
        append(32)
        var pendingSpace = false
        var pendingNewline = false
        var linePosition = 0
        var lineFirst: UInt32 = 0
        var lineSecond: UInt32 = 0
        var previous: UInt32 = 0
        var upperRun = 0
        var runHasLower = false
        var remaining = configuration.maxScalars

        func endLine() {
            if linePosition > 0 {
                stats.lines += 1
                if lineFirst == 35 {
                    stats.headings += 1
                } else if (lineFirst == 45 || lineFirst == 42 || lineFirst == 43 || lineFirst == 0x2022) && lineSecond == 32 {
                    stats.listLines += 1
                } else if (48...57).contains(lineFirst) && (lineSecond == 46 || lineSecond == 41) {
                    stats.listLines += 1
                }
            }
            linePosition = 0
        }
        func endLetterRun() {
            if upperRun >= 3 && !runHasLower { stats.allCapsWords += 1 }
            upperRun = 0
            runHasLower = false
        }

        /// Reads one scalar; false once the scalar budget is spent.
        func visit(_ scalar: Unicode.Scalar) -> Bool {
            if remaining == 0 { return false }
            remaining -= 1
            let value = scalar.value
            stats.scalars += 1
            let isSpace = value == 32 || (9...13).contains(value)
                || (value >= 128 && (value == 0xA0 || value == 0x2028 || value == 0x2029 || scalar.properties.isWhitespace))
            if isSpace {
                if linePosition == 1 { lineSecond = 32; linePosition = 2 }
                if value == 10 || value == 13 || value == 0x2028 || value == 0x2029 {
                    endLine()
                    pendingNewline = true
                }
                pendingSpace = true
                endLetterRun()
                previous = value
                return true
            }
            if pendingSpace {
                append(pendingNewline ? 10 : 32)
                pendingSpace = false
                pendingNewline = false
            }
            if linePosition == 0 { lineFirst = value } else if linePosition == 1 { lineSecond = value }
            if linePosition < 2 { linePosition += 1 }

            var mapped = value
            if value < 128 {
                switch value {
                case 65...90:
                    stats.letters += 1; stats.uppercase += 1; upperRun += 1
                    mapped = value + 32
                case 97...122:
                    stats.letters += 1; runHasLower = true
                case 48...57:
                    stats.digits += 1; mapped = 48; endLetterRun()
                default:
                    endLetterRun()
                    if value != 95 { stats.punctuation += 1 }
                    if value == 33 { stats.exclamations += 1 }
                    if value == 96 { stats.backticks += 1 }
                    if value == 42 && previous == 42 { stats.bold += 1 }
                    if value == 45 && previous == 45 { stats.emDashes += 1 }
                }
            } else if value == 0x2019 || value == 0x2018 || value == 0x02BC {
                mapped = 39
                stats.punctuation += 1
            } else if value == 0x2014 {
                stats.emDashes += 1; stats.punctuation += 1; endLetterRun()
            } else {
                let properties = scalar.properties
                if properties.isAlphabetic {
                    stats.letters += 1
                    if properties.isUppercase {
                        stats.uppercase += 1; upperRun += 1
                        if let lower = properties.lowercaseMapping.unicodeScalars.first { mapped = lower.value }
                    } else {
                        runHasLower = true
                    }
                } else if properties.numericType != nil {
                    stats.digits += 1; endLetterRun()
                } else if (0x1F300...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value) {
                    stats.emoji += 1; endLetterRun()
                } else {
                    stats.punctuation += 1; endLetterRun()
                }
            }
            append(mapped)
            previous = value
            return true
        }

        // Decoding the UTF-8 bytes directly is several times cheaper than the
        // scalar view's index arithmetic; a Swift string is always valid UTF-8.
        let decoded: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = UInt32(bytes[index])
                let value: UInt32
                if lead < 0x80 {
                    value = lead
                    index += 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    index += 4
                }
                guard let scalar = Unicode.Scalar(value), visit(scalar) else { return }
            }
        }
        if decoded == nil {
            for scalar in text.unicodeScalars where !visit(scalar) { break }
        }
        endLine()
        endLetterRun()
        append(32)
        return used
    }

    // MARK: pass 2: words, sentences, lexicon

    @inline(__always)
    private static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 128 {
            return (97...122).contains(value) || (48...57).contains(value) || value == 95 || (65...90).contains(value)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    @inline(__always)
    private static func isSentenceEnd(_ value: UInt32) -> Bool {
        value == 46 || value == 33 || value == 63 || value == 0x2026 || value == 0x3002 || value == 0xFF01 || value == 0xFF1F
    }

    private func scanWords(_ workspace: FeatureWorkspace, stats: inout TextStatistics) {
        var block = SentenceSlots()
        swap(&block, &workspace.sentence.words)
        let text = workspace.normalized
        // Room for every word, pair and triple the text can hold.
        block.prepare(bound: 2 * text.count + 4)
        block.count { counter in scanWords(text, counter: &counter, stats: &stats) }
        swap(&block, &workspace.sentence.words)
    }

    private func scanWords(
        _ text: [UInt32], counter: inout SentenceSlots.Counter, stats: inout TextStatistics
    ) {
        let count = text.count
        var sentence = SentenceState()
        var previousHash: UInt64? = nil
        var beforePreviousHash: UInt64? = nil
        var previousSentenceNegates = false

        func bump(_ index: Int, word: Bool) -> Bool {
            counter.tally(index, flag: word ? SlotCounts.wordFlag : 0)
        }

        func endSentence(question: Bool) {
            if sentence.words > 0 {
                stats.sentences += 1
                let length = Double(sentence.words)
                stats.sentenceLengthSum += length
                stats.sentenceLengthSquares += length * length
                if question {
                    stats.questions += 1
                    if sentence.firstCategories.contains(.questionOpener) || sentence.categories.contains(.secondPerson) {
                        stats.rhetoricalQuestions += 1
                    }
                }
                if !sentence.categories.isDisjoint(with: .personReference) && !sentence.categories.isDisjoint(with: .accusation) {
                    stats.accusingSentences += 1
                }
                if stats.sentences == 1 { stats.opensWithIt = sentence.opensWithIt }
                if previousSentenceNegates && sentence.opensWithIt { stats.notXButY += 1 }
                previousSentenceNegates = sentence.opensWithNegation
                stats.endsWithNegation = sentence.opensWithNegation
            }
            sentence = SentenceState()
            previousHash = nil
            beforePreviousHash = nil
        }

        func endWord(start: Int, end: Int, hash: UInt64) {
            stats.words += 1
            stats.wordLengthSum += end - start
            if configuration.wordNgramMin <= 1 {
                if bump(slot(hash ^ Self.unigramSeed), word: true) { stats.distinctWords += 1 }
            }
            var categories = lexicon.categories(exactHash: hash)
            let stemEnd = min(end, start + lexicon.longestStem)
            if end - start >= 4 {
                var prefix = TokenHash.basis
                for position in start..<stemEnd {
                    prefix = TokenHash.step(prefix, text[position])
                    if position - start >= 3 { categories.formUnion(lexicon.categories(prefixHash: prefix)) }
                }
            }
            if let previous = previousHash {
                let pair = TokenHash.pair(previous, hash)
                if configuration.wordNgramMax >= 2 && configuration.wordNgramMin <= 2 {
                    _ = bump(slot(pair ^ Self.bigramSeed), word: false)
                }
                if configuration.wordNgramMax >= 3, let before = beforePreviousHash {
                    _ = bump(slot(TokenHash.pair(TokenHash.pair(before, previous), hash) ^ Self.trigramSeed), word: false)
                }
                let phrase = lexicon.categories(exactHash: pair)
                categories.formUnion(phrase)
                if sentence.words == 1 {
                    if phrase.contains(.negationOpener) { sentence.opensWithNegation = true }
                    if phrase.contains(.itOpener) { sentence.opensWithIt = true }
                }
            } else if categories.contains(.itOpener) {
                sentence.opensWithIt = true
            }
            stats.count(categories)
            if hash == Self.httpHash || hash == Self.httpsHash { stats.urls += 1 }
            if sentence.words == 0 { sentence.firstCategories = categories }
            sentence.words += 1
            sentence.categories.formUnion(categories)
            beforePreviousHash = previousHash
            previousHash = hash
        }

        var wordStart = -1
        var hash = TokenHash.basis
        var index = 0
        while index < count {
            let value = text[index]
            var inWord = Self.isWordScalar(value)
            if !inWord && value == 39 && wordStart >= 0 && index + 1 < count && Self.isWordScalar(text[index + 1]) {
                inWord = true
            }
            if inWord {
                if wordStart < 0 { wordStart = index; hash = TokenHash.basis }
                hash = TokenHash.step(hash, value)
                index += 1
                continue
            }
            if wordStart >= 0 {
                endWord(start: wordStart, end: index, hash: hash)
                wordStart = -1
            }
            if value == 10 {
                endSentence(question: false)
            } else if Self.isSentenceEnd(value) && (index + 1 >= count || text[index + 1] == 32 || text[index + 1] == 10) {
                endSentence(question: value == 63 || value == 0xFF1F)
            }
            index += 1
        }
        if wordStart >= 0 { endWord(start: wordStart, end: count, hash: hash) }
        endSentence(question: false)
    }

    // MARK: pass 3: character n-grams

    private func countCharacterNgrams(_ workspace: FeatureWorkspace) {
        let minimum = configuration.charNgramMin
        let maximum = configuration.charNgramMax
        let shift = slotShift
        var block = SentenceSlots()
        swap(&block, &workspace.sentence.characters)
        defer { swap(&block, &workspace.sentence.characters) }
        block.prepare(bound: workspace.normalized.count * max(0, maximum - minimum + 1))
        workspace.normalized.withUnsafeBufferPointer { text in
            let count = text.count
            block.count { counter in
                for start in 0..<count {
                    var hash = TokenHash.basis
                    let end = min(count, start + maximum)
                    var position = start
                    while position < end {
                        hash = TokenHash.step(hash, text[position])
                        position += 1
                        if position - start >= minimum {
                            _ = counter.tally(Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift))
                        }
                    }
                }
            }
        }
    }
}

/// Per-sentence state of the word pass.
private struct SentenceState {
    var words = 0
    var categories: LexiconCategory = []
    var firstCategories: LexiconCategory = []
    var opensWithNegation = false
    var opensWithIt = false
}
