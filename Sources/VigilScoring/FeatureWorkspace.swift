import Foundation

/// Buffers reused from one text to the next, so scoring a text allocates nothing
/// proportional to the hashed space. One workspace serves one task at a time.
public final class FeatureWorkspace {
    let configuration: FeatureConfiguration
    var wordCounts: [UInt16]
    var charCounts: [UInt16]
    var wordTouched: [Int32] = []
    var charTouched: [Int32] = []
    var normalized: [UInt32] = []
    var dense: [Double]

    public init(configuration: FeatureConfiguration) {
        self.configuration = configuration
        wordCounts = [UInt16](repeating: 0, count: configuration.hashSize)
        charCounts = [UInt16](repeating: 0, count: configuration.hashSize)
        dense = [Double](repeating: 0, count: StylometricFeatures.count)
    }

    func clear() {
        for index in wordTouched { wordCounts[Int(index)] = 0 }
        for index in charTouched { charCounts[Int(index)] = 0 }
        wordTouched.removeAll(keepingCapacity: true)
        charTouched.removeAll(keepingCapacity: true)
        normalized.removeAll(keepingCapacity: true)
    }

    /// The value of a slot seen `count` times: sublinear, so a repeated word does not drown the rest.
    @inline(__always)
    static func termWeight(_ count: UInt16) -> Double {
        count == 1 ? 1 : 1 + log(Double(count))
    }

    /// L2 norms of the word and character blocks, after the sublinear weighting.
    func blockNorms() -> (word: Double, char: Double) {
        var word = 0.0
        for index in wordTouched {
            let value = Self.termWeight(wordCounts[Int(index)])
            word += value * value
        }
        var char = 0.0
        for index in charTouched {
            let value = Self.termWeight(charCounts[Int(index)])
            char += value * value
        }
        return (word.squareRoot(), char.squareRoot())
    }

    /// The hashed part of the features as a sparse vector (used by training).
    func hashedVector() -> SparseVector {
        let norms = blockNorms()
        let wordScale = norms.word > 0 ? configuration.wordBlockWeight / norms.word : 0
        let charScale = norms.char > 0 ? configuration.charBlockWeight / norms.char : 0
        var vector = SparseVector()
        vector.indices.reserveCapacity(wordTouched.count + charTouched.count)
        vector.values.reserveCapacity(wordTouched.count + charTouched.count)
        for index in wordTouched {
            vector.indices.append(index)
            vector.values.append(Float(Self.termWeight(wordCounts[Int(index)]) * wordScale))
        }
        for index in charTouched {
            vector.indices.append(index)
            vector.values.append(Float(Self.termWeight(charCounts[Int(index)]) * charScale))
        }
        return vector
    }

    /// The hashed part of the dot product with a weight vector, without building a vector.
    func hashedDot(_ weights: UnsafeBufferPointer<Float>) -> Double {
        let norms = blockNorms()
        var word = 0.0
        for index in wordTouched {
            word += Double(weights[Int(index)]) * Self.termWeight(wordCounts[Int(index)])
        }
        var char = 0.0
        for index in charTouched {
            char += Double(weights[Int(index)]) * Self.termWeight(charCounts[Int(index)])
        }
        let wordPart = norms.word > 0 ? word * configuration.wordBlockWeight / norms.word : 0
        let charPart = norms.char > 0 ? char * configuration.charBlockWeight / norms.char : 0
        return wordPart + charPart
    }
}
