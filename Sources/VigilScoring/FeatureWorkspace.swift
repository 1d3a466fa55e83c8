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
    /// Final values of the touched word and character slots, parallel to the touched
    /// lists, computed by `finish(idf:)` for the model about to read them.
    var wordValues: [Float] = []
    var charValues: [Float] = []

    public init(configuration: FeatureConfiguration) {
        self.configuration = configuration
        wordCounts = [UInt16](repeating: 0, count: configuration.hashSize)
        charCounts = [UInt16](repeating: 0, count: configuration.hashSize)
        dense = [Double](repeating: 0, count: StylometricFeatures.count)
    }

    func clear() {
        wordCounts.withUnsafeMutableBufferPointer { counts in
            for index in wordTouched { counts[Int(index)] = 0 }
        }
        charCounts.withUnsafeMutableBufferPointer { counts in
            for index in charTouched { counts[Int(index)] = 0 }
        }
        wordTouched.removeAll(keepingCapacity: true)
        charTouched.removeAll(keepingCapacity: true)
        normalized.removeAll(keepingCapacity: true)
    }

    /// The value of a slot seen `count` times: sublinear, so a repeated word does not drown the rest.
    @inline(__always)
    static func termWeight(_ count: UInt16) -> Double {
        count < 256 ? smallTermWeights[Int(count)] : 1 + log(Double(count))
    }

    private static let smallTermWeights: [Double] = (0..<256).map { $0 == 0 ? 0 : 1 + log(Double($0)) }

    /// Computes the normalised values of the touched slots for one model: one pass over
    /// the counts for the sublinear values times the model's inverse document frequency
    /// and their norm, one sequential pass to scale. Both models share the counts.
    func finish(idf: [Float]?) {
        var words: [Float] = []
        var chars: [Float] = []
        swap(&words, &wordValues)
        swap(&chars, &charValues)
        Self.values(counts: wordCounts, touched: wordTouched, idf: idf, weight: configuration.wordBlockWeight, into: &words)
        Self.values(counts: charCounts, touched: charTouched, idf: idf, weight: configuration.charBlockWeight, into: &chars)
        swap(&words, &wordValues)
        swap(&chars, &charValues)
    }

    private static func values(counts: [UInt16], touched: [Int32], idf: [Float]?, weight: Double, into values: inout [Float]) {
        values.removeAll(keepingCapacity: true)
        var squares = 0.0
        counts.withUnsafeBufferPointer { counts in
            touched.withUnsafeBufferPointer { touched in
                if let idf {
                    idf.withUnsafeBufferPointer { idf in
                        for index in touched {
                            let value = termWeight(counts[Int(index)]) * Double(idf[Int(index)])
                            squares += value * value
                            values.append(Float(value))
                        }
                    }
                } else {
                    for index in touched {
                        let value = termWeight(counts[Int(index)])
                        squares += value * value
                        values.append(Float(value))
                    }
                }
            }
        }
        guard squares > 0 else { return }
        let scale = Float(weight / squares.squareRoot())
        values.withUnsafeMutableBufferPointer { values in
            for k in 0..<values.count { values[k] *= scale }
        }
    }

    /// L2 norms of the word and character blocks, after the sublinear weighting.
    func blockNorms() -> (word: Double, char: Double) {
        func norm(_ counts: [UInt16], _ touched: [Int32]) -> Double {
            var sum = 0.0
            counts.withUnsafeBufferPointer { counts in
                touched.withUnsafeBufferPointer { touched in
                    for index in touched {
                        let value = Self.termWeight(counts[Int(index)])
                        sum += value * value
                    }
                }
            }
            return sum.squareRoot()
        }
        return (norm(wordCounts, wordTouched), norm(charCounts, charTouched))
    }

    /// The hashed part of the features as a sparse vector (used by training).
    func hashedVector() -> SparseVector {
        SparseVector(indices: wordTouched + charTouched, values: wordValues + charValues)
    }

    /// The hashed part of the dot product with a weight vector, without building a vector.
    func hashedDot(_ weights: UnsafeBufferPointer<Float>) -> Double {
        var sum: Float = 0
        wordTouched.withUnsafeBufferPointer { indices in
            wordValues.withUnsafeBufferPointer { values in
                for k in 0..<indices.count { sum += weights[Int(indices[k])] * values[k] }
            }
        }
        charTouched.withUnsafeBufferPointer { indices in
            charValues.withUnsafeBufferPointer { values in
                for k in 0..<indices.count { sum += weights[Int(indices[k])] * values[k] }
            }
        }
        return Double(sum)
    }
}
