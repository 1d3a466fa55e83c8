/// A feature vector as parallel arrays of slot indices and values. An index may
/// occur twice (a word and a character n-gram sharing a slot); sums stay correct.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    public func dot(_ weights: UnsafeBufferPointer<Float>) -> Double {
        var sum: Float = 0
        indices.withUnsafeBufferPointer { idx in
            values.withUnsafeBufferPointer { val in
                for k in 0..<idx.count { sum += weights[Int(idx[k])] * val[k] }
            }
        }
        return Double(sum)
    }
}
