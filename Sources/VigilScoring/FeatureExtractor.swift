import Foundation
import VigilText

/// Turns text into hashed word and character n-gram occurrences and stylometric
/// statistics, one sentence at a time, in three linear passes over the sentence's
/// Unicode scalars and no per-word string allocation: scoring speed is a
/// requirement of the daemon.
///
/// Occurrences are not counted per slot: scoring adds each one's slot-table entry
/// to running sums (`BlockSums` says why that is the model's own definition), so a
/// document is the sum of its sentences and a scorer that needs every sentence's
/// scores and the document's reads each sentence once. Training builds documents
/// the same way, so the models see what the scorer computes. Character n-grams
/// across a sentence boundary are not counted.
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

    /// Reads `text` as a document: its sentences (as `SentenceSplitter` finds them)
    /// summed in the workspace's `sum`, against the workspace's slot table.
    public func extract(_ text: Substring, into workspace: FeatureWorkspace) {
        workspace.beginText()
        workspace.table.withEmptySums { empty in
            for sentence in splitter.sentences(in: String(text)) {
                guard workspace.sumTakesMore else { break }
                workspace.addToSum(readSentence(sentence.text[...], into: workspace, summing: empty))
            }
        }
    }

    /// Reads `text` as a document for training: the occurrences of the summed
    /// sentences in the workspace's `occurrences`, their statistics in `sum` and
    /// their stylometric values in `dense`.
    func extractOccurrences(_ text: Substring, into workspace: FeatureWorkspace) {
        workspace.beginText()
        for sentence in splitter.sentences(in: String(text)) {
            guard workspace.sumTakesMore else { break }
            let reading = readSentence(sentence.text[...], into: workspace, sink: &workspace.occurrences)
            workspace.addToSum(reading)
        }
        workspace.fillDense(from: workspace.sum.statistics)
    }

    /// Reads one sentence against a slot table: `empty` holds sums against it
    /// (`SlotTable.withEmptySums`), and the reading returned has the sentence's sums.
    func readSentence(_ text: Substring, into workspace: FeatureWorkspace, summing empty: MarginSums) -> SentenceReading {
        var sink = empty
        var reading = readSentence(text, into: workspace, sink: &sink)
        reading.sums = sink.sums
        return reading
    }

    /// Reads one sentence (at most `maxScalars` scalars of it): its n-gram
    /// occurrences go to `sink`, its word slots to the workspace's `wordSlots`; the
    /// reading returned has the statistics and the word range (its sums are the sink's).
    func readSentence(_ text: Substring, into workspace: FeatureWorkspace, sink: inout some NgramSink) -> SentenceReading {
        var buffers = SentenceBuffers(hashSize: 0)
        swap(&buffers, &workspace.buffers)
        defer { swap(&buffers, &workspace.buffers) }
        var stats = TextStatistics()
        // Sized for the most scalars the sentence can give and trimmed afterwards:
        // appending one scalar at a time costs more than normalising it.
        let capacity = min(text.utf8.count, configuration.maxScalars) + 2
        SentenceBuffers.resize(&buffers.normalized, to: capacity)
        let used = buffers.normalized.withUnsafeMutableBufferPointer { normalize(text, into: $0, stats: &stats) }
        // Room for every word, pair and triple, and every character n-gram.
        SentenceBuffers.resize(&buffers.wordNgrams, to: 2 * used + 4)
        SentenceBuffers.resize(&buffers.characterNgrams, to: used * max(0, configuration.charNgramMax - configuration.charNgramMin + 1))
        let firstWord = buffers.wordSlots.count
        // Room for every word: words are separated by at least one other scalar.
        SentenceBuffers.resize(&buffers.wordSlots, to: firstWord + used / 2 + 2)
        var unigrams = 0
        buffers.normalized.withUnsafeBufferPointer { whole in
            let text = UnsafeBufferPointer(rebasing: whole[0..<used])
            let words = buffers.wordNgrams.withUnsafeMutableBufferPointer { out in
                buffers.wordSlots.withUnsafeMutableBufferPointer { slots in
                    scanWords(text, into: out, unigrams: UnsafeMutableBufferPointer(rebasing: slots[firstWord...]),
                              unigramCount: &unigrams, stats: &stats)
                }
            }
            let characters = buffers.characterNgrams.withUnsafeMutableBufferPointer { countCharacterNgrams(text, into: $0) }
            buffers.wordNgrams.withUnsafeBufferPointer { sink.words(UnsafeBufferPointer(rebasing: $0[0..<words])) }
            buffers.characterNgrams.withUnsafeBufferPointer { sink.characters(UnsafeBufferPointer(rebasing: $0[0..<characters])) }
        }
        buffers.wordSlots.removeLast(buffers.wordSlots.count - firstWord - unigrams)
        let words = firstWord..<buffers.wordSlots.count
        stats.distinctWords = buffers.distinctWords(in: words)
        return SentenceReading(statistics: stats, words: words)
    }

    // MARK: pass 1: normalisation and character statistics

    /// Writes the normalised scalars of `text` into `out` (room for every scalar read
    /// plus two) and returns how many it wrote.
    private func normalize(_ text: Substring, into out: UnsafeMutableBufferPointer<UInt32>, stats: inout TextStatistics) -> Int {
        var normalizer = ScalarNormalizer(out: out, budget: configuration.maxScalars)
        // Decoding the UTF-8 bytes directly is several times cheaper than the
        // scalar view's index arithmetic; a Swift string is always valid UTF-8.
        let decoded: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = UInt32(bytes[index])
                let value: UInt32
                if lead >= 97 && lead <= 122 {
                    let run = normalizer.lowercaseRun(bytes, from: index)
                    if run > 0 {
                        index += run
                        continue
                    }
                    value = lead
                    index += 1
                } else if lead < 0x80 {
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
                guard let scalar = Unicode.Scalar(value), normalizer.visit(scalar) else { return }
            }
        }
        if decoded == nil {
            for scalar in text.unicodeScalars where !normalizer.visit(scalar) { break }
        }
        return normalizer.finish(&stats)
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

    /// Writes the slots of the word n-grams of `text` into `out` and returns how many;
    /// the word (unigram) slots also go to `unigrams`, `unigramCount` of them.
    private func scanWords(
        _ text: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt32>,
        unigrams: UnsafeMutableBufferPointer<UInt32>, unigramCount: inout Int, stats: inout TextStatistics
    ) -> Int {
        var written = 0
        @inline(__always)
        func emit(_ slot: Int) {
            out[written] = UInt32(truncatingIfNeeded: slot)
            written += 1
        }
        let count = text.count
        var sentence = SentenceState()
        var previousHash: UInt64? = nil
        var beforePreviousHash: UInt64? = nil
        var previousSentenceNegates = false

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

        /// `stems`: the categories of the stems the word starts with, probed while it was hashed.
        func endWord(start: Int, end: Int, hash: UInt64, stems: LexiconCategory) {
            stats.words += 1
            stats.wordLengthSum += end - start
            if configuration.wordNgramMin <= 1 {
                let unigram = slot(hash ^ Self.unigramSeed)
                emit(unigram)
                unigrams[unigramCount] = UInt32(truncatingIfNeeded: unigram)
                unigramCount += 1
            }
            var categories = lexicon.categories(exactHash: hash)
            categories.formUnion(stems)
            if let previous = previousHash {
                let pair = TokenHash.pair(previous, hash)
                if configuration.wordNgramMax >= 2 && configuration.wordNgramMin <= 2 {
                    emit(slot(pair ^ Self.bigramSeed))
                }
                if configuration.wordNgramMax >= 3, let before = beforePreviousHash {
                    emit(slot(TokenHash.pair(TokenHash.pair(before, previous), hash) ^ Self.trigramSeed))
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
        // The running hash of a word is the hash of each of its prefixes in turn, so
        // the stems are probed as the word is hashed (prefixes of 4 scalars and more).
        var stems: LexiconCategory = []
        let longestStem = lexicon.longestStem
        var index = 0
        while index < count {
            let value = text[index]
            var inWord = Self.isWordScalar(value)
            if !inWord && value == 39 && wordStart >= 0 && index + 1 < count && Self.isWordScalar(text[index + 1]) {
                inWord = true
            }
            if inWord {
                if wordStart < 0 {
                    wordStart = index
                    hash = TokenHash.basis
                    stems = []
                }
                hash = TokenHash.step(hash, value)
                let length = index - wordStart + 1
                if length >= 4 && length <= longestStem { stems.formUnion(lexicon.categories(prefixHash: hash)) }
                index += 1
                continue
            }
            if wordStart >= 0 {
                endWord(start: wordStart, end: index, hash: hash, stems: stems)
                wordStart = -1
            }
            if value == 10 {
                endSentence(question: false)
            } else if Self.isSentenceEnd(value) && (index + 1 >= count || text[index + 1] == 32 || text[index + 1] == 10) {
                endSentence(question: value == 63 || value == 0xFF1F)
            }
            index += 1
        }
        if wordStart >= 0 { endWord(start: wordStart, end: count, hash: hash, stems: stems) }
        endSentence(question: false)
        return written
    }

    // MARK: pass 3: character n-grams

    /// Writes the slots of the character n-grams of `text` into `out` and returns how many.
    private func countCharacterNgrams(_ text: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
        let minimum = configuration.charNgramMin
        let maximum = configuration.charNgramMax
        let shift = slotShift
        let count = text.count
        var written = 0
        @inline(__always)
        func emit(_ hash: UInt64) {
            out[written] = UInt32(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            written += 1
        }
        var start = 0
        // The standard 3-5-grams, unrolled for every start with five scalars ahead:
        // the same hashes in the same order as the general loop below.
        if minimum == 3 && maximum == 5 && count >= 5 {
            let base = text.baseAddress!
            while start + 5 <= count {
                let first = TokenHash.step(TokenHash.step(TokenHash.step(TokenHash.basis, base[start]), base[start + 1]), base[start + 2])
                let second = TokenHash.step(first, base[start + 3])
                let third = TokenHash.step(second, base[start + 4])
                emit(first)
                emit(second)
                emit(third)
                start += 1
            }
        }
        while start < count {
            var hash = TokenHash.basis
            let end = min(count, start + maximum)
            var position = start
            while position < end {
                hash = TokenHash.step(hash, text[position])
                position += 1
                if position - start >= minimum { emit(hash) }
            }
            start += 1
        }
        return written
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
