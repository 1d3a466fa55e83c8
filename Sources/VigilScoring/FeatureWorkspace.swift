import Foundation

/// Buffers reused from one text to the next, so scoring a text allocates nothing
/// proportional to the hashed space. One workspace serves one task at a time.
///
/// Text is read one sentence at a time into `sentence`; a document or a passage is
/// the sum of its sentences' counts in `sum`. Term weights, inverse document
/// frequencies and the block normalisation are applied to a sum, never summed.
public final class FeatureWorkspace {
    let configuration: FeatureConfiguration
    /// The sentence just read.
    var sentence = SentenceCounts()
    /// A sum of sentences: the document, or the passage about one person.
    var sum: FeatureCounts
    /// Sentences kept for passages while a document is scored.
    var kept = KeptSentences()
    /// The normalised scalars of the sentence being read.
    var normalized: [UInt32] = []
    /// Stylometric values of the counts last weighed (`fillDense(from:)`).
    var dense: [Double]
    /// Final values of the summed word and character slots, parallel to their touched
    /// lists, computed by `finish(idf:)` for the model about to read them (training).
    var wordValues: [Float] = []
    var charValues: [Float] = []
    /// The slot-table entries of the sentence's slots, gathered before they are used.
    private var gathered: [SIMD4<Float>] = []

    public init(configuration: FeatureConfiguration) {
        self.configuration = configuration
        sum = FeatureCounts(size: configuration.hashSize)
        dense = [Double](repeating: 0, count: StylometricFeatures.count)
    }

    /// Adds the sentence just read to the sum, unless the sum already holds the
    /// `maxScalars` a text is read for: a longer text adds little to a bag of n-grams
    /// and would make the sum's size unbounded. Training and scoring both sum this way.
    func addSentenceToSum() {
        guard sum.statistics.scalars < configuration.maxScalars else { return }
        sum.add(sentence)
    }

    /// Adds the kept sentence `index` to the sum, within the same budget.
    func addKeptSentenceToSum(_ index: Int) {
        guard sum.statistics.scalars < configuration.maxScalars else { return }
        kept.add(index, to: &sum)
    }

    func fillDense(from statistics: TextStatistics) {
        statistics.fill(&dense)
    }

    /// The value of a slot seen `count` times: sublinear, so a repeated word does not drown the rest.
    @inline(__always)
    static func termWeight(_ count: UInt16) -> Float {
        count == 0 ? 0 : 1 + Float(log(Double(count)))
    }

    /// `termWeight` of the counts below 256, looked up rather than computed in the hot loops.
    private static let termWeights: [Float] = (0..<256).map { termWeight(UInt16($0)) }

    @inline(__always)
    private static func weigh(_ count: UInt16, _ table: UnsafeBufferPointer<Float>) -> Float {
        count < 256 ? table[Int(count)] : termWeight(count)
    }

    /// Computes the normalised values of the summed slots for one model: the sublinear
    /// values times the model's inverse document frequency, each block scaled to its
    /// block weight.
    func finish(idf: [Float]?) {
        var words: [Float] = []
        var chars: [Float] = []
        swap(&words, &wordValues)
        swap(&chars, &charValues)
        values(sum.words, idf: idf, weight: Float(configuration.wordBlockWeight), into: &words)
        values(sum.characters, idf: idf, weight: Float(configuration.charBlockWeight), into: &chars)
        swap(&words, &wordValues)
        swap(&chars, &charValues)
    }

    private func values(_ block: SlotCounts, idf: [Float]?, weight: Float, into values: inout [Float]) {
        let count = block.touched.count
        values.removeAll(keepingCapacity: true)
        values.append(contentsOf: repeatElement(0, count: count))
        var squares: Float = 0
        values.withUnsafeMutableBufferPointer { out in
            block.counts.withUnsafeBufferPointer { counts in
                block.touched.withUnsafeBufferPointer { touched in
                    Self.termWeights.withUnsafeBufferPointer { table in
                        for k in 0..<count {
                            let slot = Int(touched[k] & SlotCounts.slotMask)
                            let value = Self.weigh(counts[k], table) * (idf?[slot] ?? 1)
                            out[k] = value
                            squares += value * value
                        }
                    }
                }
            }
            guard squares > 0 else { return }
            let scale = weight / squares.squareRoot()
            for k in 0..<count { out[k] *= scale }
        }
    }

    /// The hashed part of the summed features as a sparse vector (used by training).
    func hashedVector() -> SparseVector {
        SparseVector(
            indices: (sum.words.touched + sum.characters.touched).map { Int32(bitPattern: $0 & SlotCounts.slotMask) },
            values: wordValues + charValues)
    }

    /// The hashed parts of two models' margins for `counts`, in one pass per block, for
    /// models that count the same features: `slots` holds, per slot, the first model's
    /// inverse document frequency and weight, then the second's, so a slot costs one
    /// cache miss for both. Each sum is accumulated in the same order as
    /// `hashedMargin`, so the results are the same to the bit.
    func hashedMargins(
        _ slots: UnsafeBufferPointer<SIMD4<Float>>, words: some SlotList, characters: some SlotList
    ) -> (first: Double, second: Double) {
        func block(_ block: some SlotList, _ blockWeight: Double) -> (Double, Double) {
            var margins = BlockMargins()
            block.touched.withUnsafeBufferPointer { touched in
                block.counts.withUnsafeBufferPointer { counts in
                    Self.termWeights.withUnsafeBufferPointer { table in
                        for k in 0..<touched.count {
                            margins.add(weight: Self.weigh(counts[k], table), slot: slots[Int(touched[k] & SlotCounts.slotMask)])
                        }
                    }
                }
            }
            let both = margins.margins(blockWeight: blockWeight)
            return (both.first, both.second)
        }
        let wordMargins = block(words, configuration.wordBlockWeight)
        let charMargins = block(characters, configuration.charBlockWeight)
        return (wordMargins.0 + charMargins.0, wordMargins.1 + charMargins.1)
    }

    /// What `hashedMargins` gives for the sentence just read, and in the same pass over
    /// its slots, the sentence added to the sum (when `addToSum` and the sum's budget
    /// allow, as `addSentenceToSum`): the scorer's hot path.
    func sentenceMargins(_ slots: UnsafeBufferPointer<SIMD4<Float>>, addToSum: Bool) -> (first: Double, second: Double) {
        let adding = addToSum && sum.statistics.scalars < configuration.maxScalars
        func block(_ block: SentenceSlots, into summed: inout SlotCounts, _ blockWeight: Double) -> (Double, Double, Int) {
            var margins = BlockMargins()
            let count = block.touched.count
            // The slot table is larger than the caches: loading every entry first, in a
            // loop that does nothing else, lets the processor overlap many of the misses.
            gathered.removeAll(keepingCapacity: true)
            gathered.append(contentsOf: repeatElement(.zero, count: count))
            gathered.withUnsafeMutableBufferPointer { gathered in
                block.touched.withUnsafeBufferPointer { touched in
                    for k in 0..<count { gathered[k] = slots[Int(touched[k] & SlotCounts.slotMask)] }
                }
            }
            gathered.withUnsafeBufferPointer { gathered in
                block.counts.withUnsafeBufferPointer { counts in
                    Self.termWeights.withUnsafeBufferPointer { table in
                        for k in 0..<count {
                            margins.add(weight: Self.weigh(counts[k], table), slot: gathered[k])
                        }
                    }
                }
            }
            let distinct = adding ? summed.add(block) : 0
            let both = margins.margins(blockWeight: blockWeight)
            return (both.first, both.second, distinct)
        }
        let words = block(sentence.words, into: &sum.words, configuration.wordBlockWeight)
        let chars = block(sentence.characters, into: &sum.characters, configuration.charBlockWeight)
        if adding {
            var statistics = sentence.statistics
            statistics.distinctWords = words.2
            sum.add(statistics: statistics)
        }
        return (words.0 + chars.0, words.1 + chars.1)
    }

    /// The hashed part of a model's margin for `counts` in one pass per block: `slots`
    /// holds each slot's inverse document frequency and weight side by side, so a slot
    /// costs one cache miss, and the block norm is accumulated along the way.
    func hashedMargin(_ slots: UnsafeBufferPointer<SIMD2<Float>>, words: some SlotList, characters: some SlotList) -> Double {
        func block(_ block: some SlotList, _ blockWeight: Double) -> Double {
            var squares: Float = 0
            var dot: Float = 0
            block.touched.withUnsafeBufferPointer { touched in
                block.counts.withUnsafeBufferPointer { counts in
                    Self.termWeights.withUnsafeBufferPointer { table in
                        for k in 0..<touched.count {
                            let slot = slots[Int(touched[k] & SlotCounts.slotMask)]
                            let value = Self.weigh(counts[k], table) * slot.x
                            squares += value * value
                            dot += value * slot.y
                        }
                    }
                }
            }
            return squares > 0 ? Double(dot) * blockWeight / Double(squares.squareRoot()) : 0
        }
        return block(words, configuration.wordBlockWeight) + block(characters, configuration.charBlockWeight)
    }
}
