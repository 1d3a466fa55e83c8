/// The counts of one block of one sentence. A sentence touches a few hundred of the
/// 2^18 slots, so they are found through a small open-addressing index sized to the
/// sentence, which stays in the first-level cache, rather than through a table of
/// the whole space, whose random reads and writes were most of the counting time.
struct SentenceSlots: SlotList {
    var touched: [UInt32] = []
    var counts: [UInt16] = []
    /// Position in `touched` plus one, or 0 for an empty place; `mask + 1` places used.
    private var index: [UInt32] = []
    private var mask = 0

    /// Empties the lists for a sentence that touches at most `bound` slots: they are
    /// that long until `count(_:)` trims them, so that counting writes through pointers.
    mutating func prepare(bound: Int) {
        var size = 64
        while size < 2 * bound { size <<= 1 }
        if index.count < size { index = [UInt32](repeating: 0, count: size) } else {
            index.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[0..<size]).update(repeating: 0) }
        }
        mask = size - 1
        touched.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        touched.append(contentsOf: repeatElement(0, count: bound))
        counts.append(contentsOf: repeatElement(0, count: bound))
    }

    /// Keeps the first `used` entries after counting.
    mutating func trim(to used: Int) {
        touched.removeLast(touched.count - used)
        counts.removeLast(counts.count - used)
    }

    /// Counts through pointers into the prepared lists, then trims them.
    mutating func count(_ body: (inout Counter) -> Void) {
        var used = 0
        let mask = self.mask
        touched.withUnsafeMutableBufferPointer { touched in
            counts.withUnsafeMutableBufferPointer { counts in
                index.withUnsafeMutableBufferPointer { index in
                    var counter = Counter(touched: touched, counts: counts, index: index, mask: mask)
                    body(&counter)
                    used = counter.used
                }
            }
        }
        trim(to: used)
    }

    /// Counts slots into prepared lists.
    struct Counter {
        let touched: UnsafeMutableBufferPointer<UInt32>
        let counts: UnsafeMutableBufferPointer<UInt16>
        let index: UnsafeMutableBufferPointer<UInt32>
        let mask: Int
        var used = 0

        /// Counts `slot` (entered with `flag` when new) and says whether it was new.
        @inline(__always)
        mutating func tally(_ slot: Int, flag: UInt32 = 0) -> Bool {
            var place = slot & mask
            while true {
                let entry = index[place]
                if entry == 0 {
                    index[place] = UInt32(truncatingIfNeeded: used + 1)
                    touched[used] = UInt32(truncatingIfNeeded: slot) | flag
                    counts[used] = 1
                    used += 1
                    return true
                }
                let position = Int(entry &- 1)
                if Int(touched[position] & SlotCounts.slotMask) == slot {
                    if counts[position] < UInt16.max { counts[position] += 1 }
                    return false
                }
                place = (place + 1) & mask
            }
        }
    }
}

extension SentenceSlots {
    mutating func clear() {
        touched.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }
}
