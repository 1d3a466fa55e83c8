/// Counts of one block of hashed n-grams (words or characters) over the whole
/// hashed space, with the list of slots touched so far, so that reading, summing
/// and clearing cost what the text touched rather than the size of the space.
struct SlotCounts {
    /// Marks a touched word slot whose first count in its sentence was a word (not
    /// a word pair): summing sentences counts the distinct words through it.
    static let wordFlag: UInt32 = 1 << 31
    static let slotMask: UInt32 = ~wordFlag

    var counts: [UInt16]
    /// Touched slots in the order first touched; a slot may carry `wordFlag`.
    var touched: [UInt32] = []

    init(size: Int) {
        counts = [UInt16](repeating: 0, count: size)
    }

    mutating func clear() {
        counts.withUnsafeMutableBufferPointer { counts in
            for entry in touched { counts[Int(entry & Self.slotMask)] = 0 }
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Adds counts given as parallel slot and count lists; returns how many of the
    /// flagged slots were new here (distinct words, for a word block).
    @discardableResult
    mutating func add(slots: UnsafeBufferPointer<UInt32>, counts added: UnsafeBufferPointer<UInt16>) -> Int {
        var newlyFlagged = 0
        counts.withUnsafeMutableBufferPointer { counts in
            for k in 0..<slots.count {
                let entry = slots[k]
                let slot = Int(entry & Self.slotMask)
                let old = counts[slot]
                if old == 0 {
                    touched.append(entry & Self.slotMask)
                    if entry & Self.wordFlag != 0 { newlyFlagged += 1 }
                }
                let (sum, overflow) = old.addingReportingOverflow(added[k])
                counts[slot] = overflow ? UInt16.max : sum
            }
        }
        return newlyFlagged
    }

    /// Adds `other`'s counts (a sentence's) to these (a sum of sentences).
    @discardableResult
    mutating func add(_ other: SlotCounts) -> Int {
        var newlyFlagged = 0
        other.counts.withUnsafeBufferPointer { source in
            other.touched.withUnsafeBufferPointer { entries in
                counts.withUnsafeMutableBufferPointer { counts in
                    for entry in entries {
                        let slot = Int(entry & Self.slotMask)
                        let old = counts[slot]
                        if old == 0 {
                            touched.append(entry & Self.slotMask)
                            if entry & Self.wordFlag != 0 { newlyFlagged += 1 }
                        }
                        let (sum, overflow) = old.addingReportingOverflow(source[slot])
                        counts[slot] = overflow ? UInt16.max : sum
                    }
                }
            }
        }
        return newlyFlagged
    }
}
