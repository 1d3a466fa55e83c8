/// A set of hashed word slots as one bit per slot of the hashed space (16 KB for
/// 2^17 slots), for counting distinct words in a sentence, a document or a passage.
/// It is emptied by forgetting the slots put in, so it never costs a full clear.
struct SeenWords {
    private var bits: [UInt64]

    init(size: Int) {
        bits = [UInt64](repeating: 0, count: (size + 63) / 64)
    }

    /// Adds `slots` and returns how many of them were not in the set.
    mutating func insert(_ slots: ArraySlice<UInt32>) -> Int {
        var added = 0
        bits.withUnsafeMutableBufferPointer { bits in
            for slot in slots {
                let word = Int(slot >> 6), mask = UInt64(1) << UInt64(slot & 63)
                if bits[word] & mask == 0 {
                    bits[word] |= mask
                    added += 1
                }
            }
        }
        return added
    }

    /// Removes `slots`, leaving the set as it was before they were inserted.
    mutating func remove(_ slots: ArraySlice<UInt32>) {
        bits.withUnsafeMutableBufferPointer { bits in
            for slot in slots { bits[Int(slot >> 6)] &= ~(UInt64(1) << UInt64(slot & 63)) }
        }
    }
}
