/// The training sink: the slot of every occurrence, per block, from which training
/// builds the explicit feature vector the scorer's sums stand for.
struct NgramOccurrences: NgramSink {
    var words: [UInt32] = []
    var characters: [UInt32] = []

    mutating func removeAll() {
        words.removeAll(keepingCapacity: true)
        characters.removeAll(keepingCapacity: true)
    }

    mutating func words(_ slots: UnsafeBufferPointer<UInt32>) {
        words.append(contentsOf: slots)
    }

    mutating func characters(_ slots: UnsafeBufferPointer<UInt32>) {
        characters.append(contentsOf: slots)
    }
}

extension NgramOccurrences {
    /// The slots that occur, each once, in ascending order (for document frequencies).
    func distinctSlots() -> [UInt32] {
        Array(Set(words + characters)).sorted()
    }

    /// The feature vector the scorer's `BlockSums` stand for: per block, each slot's
    /// count × idf (1 without one), divided by the square root of the block's sum
    /// of count × idf², times the block's weight.
    func vector(idf: [Float]?, configuration: FeatureConfiguration) -> SparseVector {
        var vector = SparseVector()
        for (slots, weight) in [(words, configuration.wordBlockWeight), (characters, configuration.charBlockWeight)] {
            let sorted = slots.sorted()
            var counted: [(slot: Int, count: Float)] = []
            var index = 0
            while index < sorted.count {
                var end = index + 1
                while end < sorted.count && sorted[end] == sorted[index] { end += 1 }
                counted.append((Int(sorted[index]), Float(end - index)))
                index = end
            }
            var squares: Float = 0
            for (slot, count) in counted {
                let inverse = idf?[slot] ?? 1
                squares += count * inverse * inverse
            }
            guard squares > 0 else { continue }
            let scale = Float(weight) / squares.squareRoot()
            for (slot, count) in counted {
                vector.indices.append(Int32(slot))
                vector.values.append(count * (idf?[slot] ?? 1) * scale)
            }
        }
        return vector
    }
}
