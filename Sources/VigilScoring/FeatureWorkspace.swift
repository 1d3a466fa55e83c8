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
    static func termWeight(_ count: UInt16) -> Float {
        count == 0 ? 0 : 1 + Float(log(Double(count)))
    }

    /// `termWeight` of the counts below 256, looked up rather than computed in the hot loop.
    private let smallTermWeights: [Float] = (0..<256).map { termWeight(UInt16($0)) }

    /// Computes the normalised values of the touched slots for one model: one pass over
    /// the counts for the sublinear values times the model's inverse document frequency
    /// and their norm, one sequential pass to scale. Both models share the counts.
    func finish(idf: [Float]?) {
        var words: [Float] = []
        var chars: [Float] = []
        swap(&words, &wordValues)
        swap(&chars, &charValues)
        values(counts: wordCounts, touched: wordTouched, idf: idf, weight: Float(configuration.wordBlockWeight), into: &words)
        values(counts: charCounts, touched: charTouched, idf: idf, weight: Float(configuration.charBlockWeight), into: &chars)
        swap(&words, &wordValues)
        swap(&chars, &charValues)
    }

    private func values(counts: [UInt16], touched: [Int32], idf: [Float]?, weight: Float, into values: inout [Float]) {
        let count = touched.count
        values.removeAll(keepingCapacity: true)
        values.append(contentsOf: repeatElement(0, count: count))
        var squares: Float = 0
        values.withUnsafeMutableBufferPointer { out in
            counts.withUnsafeBufferPointer { counts in
                touched.withUnsafeBufferPointer { touched in
                    smallTermWeights.withUnsafeBufferPointer { table in
                        func weigh(_ k: Int) -> Float {
                            let n = counts[Int(touched[k])]
                            return n < 256 ? table[Int(n)] : Self.termWeight(n)
                        }
                        if let idf {
                            idf.withUnsafeBufferPointer { idf in
                                for k in 0..<count {
                                    let value = weigh(k) * idf[Int(touched[k])]
                                    out[k] = value
                                    squares += value * value
                                }
                            }
                        } else {
                            for k in 0..<count {
                                let value = weigh(k)
                                out[k] = value
                                squares += value * value
                            }
                        }
                    }
                }
            }
            guard squares > 0 else { return }
            let scale = weight / squares.squareRoot()
            for k in 0..<count { out[k] *= scale }
        }
    }

    /// The hashed part of the features as a sparse vector (used by training).
    func hashedVector() -> SparseVector {
        SparseVector(indices: wordTouched + charTouched, values: wordValues + charValues)
    }

    /// Term weights of the touched slots, parallel to the touched lists, computed
    /// once per text; both models read them.
    var wordTermWeights: [Float] = []
    var charTermWeights: [Float] = []

    func computeTermWeights() {
        fill(&wordTermWeights, counts: wordCounts, touched: wordTouched)
        fill(&charTermWeights, counts: charCounts, touched: charTouched)
    }

    private func fill(_ out: inout [Float], counts: [UInt16], touched: [Int32]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(0, count: touched.count))
        out.withUnsafeMutableBufferPointer { out in
            counts.withUnsafeBufferPointer { counts in
                touched.withUnsafeBufferPointer { touched in
                    smallTermWeights.withUnsafeBufferPointer { table in
                        for k in 0..<touched.count {
                            let n = counts[Int(touched[k])]
                            out[k] = n < 256 ? table[Int(n)] : Self.termWeight(n)
                        }
                    }
                }
            }
        }
    }

    /// The hashed parts of two models' margins in one pass per block, for models that
    /// count the same features: `slots` holds, per slot, the first model's inverse
    /// document frequency and weight, then the second's, so a slot costs one cache miss
    /// for both. Each sum is accumulated in the same order as `hashedMargin`, so the
    /// results are the same to the bit.
    func hashedMargins(_ slots: UnsafeBufferPointer<SIMD4<Float>>) -> (first: Double, second: Double) {
        func block(_ touched: [Int32], _ termWeights: [Float], _ blockWeight: Double) -> (Double, Double) {
            var firstSquares: Float = 0, firstDot: Float = 0
            var secondSquares: Float = 0, secondDot: Float = 0
            touched.withUnsafeBufferPointer { touched in
                termWeights.withUnsafeBufferPointer { termWeights in
                    for k in 0..<touched.count {
                        let slot = slots[Int(touched[k])]
                        let weight = termWeights[k]
                        let first = weight * slot.x
                        firstSquares += first * first
                        firstDot += first * slot.y
                        let second = weight * slot.z
                        secondSquares += second * second
                        secondDot += second * slot.w
                    }
                }
            }
            return (
                firstSquares > 0 ? Double(firstDot) * blockWeight / Double(firstSquares.squareRoot()) : 0,
                secondSquares > 0 ? Double(secondDot) * blockWeight / Double(secondSquares.squareRoot()) : 0
            )
        }
        let words = block(wordTouched, wordTermWeights, configuration.wordBlockWeight)
        let chars = block(charTouched, charTermWeights, configuration.charBlockWeight)
        return (words.0 + chars.0, words.1 + chars.1)
    }

    /// The hashed part of a model's margin in one pass per block: `slots` holds each
    /// slot's inverse document frequency and weight side by side, so a slot costs one
    /// cache miss, and the block norm is accumulated along the way.
    func hashedMargin(_ slots: UnsafeBufferPointer<SIMD2<Float>>) -> Double {
        func block(_ touched: [Int32], _ termWeights: [Float], _ blockWeight: Double) -> Double {
            var squares: Float = 0
            var dot: Float = 0
            touched.withUnsafeBufferPointer { touched in
                termWeights.withUnsafeBufferPointer { termWeights in
                    for k in 0..<touched.count {
                        let slot = slots[Int(touched[k])]
                        let value = termWeights[k] * slot.x
                        squares += value * value
                        dot += value * slot.y
                    }
                }
            }
            return squares > 0 ? Double(dot) * blockWeight / Double(squares.squareRoot()) : 0
        }
        return block(wordTouched, wordTermWeights, configuration.wordBlockWeight)
            + block(charTouched, charTermWeights, configuration.charBlockWeight)
    }
}
