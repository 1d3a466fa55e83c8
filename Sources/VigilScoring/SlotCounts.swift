/// A sum of sentences' counts of one block of hashed n-grams (words or characters):
/// the touched slots and their counts as parallel lists, and for each slot of the
/// hashed space its position in the lists, so that adding a sentence costs what the
/// sentence touched and reading the sum costs what the sum touched.
struct SlotCounts: SlotList {
    /// Marks a touched word slot whose first count in its sentence was a word (not
    /// a word pair): summing sentences counts the distinct words through it.
    static let wordFlag: UInt32 = 1 << 31
    static let slotMask: UInt32 = ~wordFlag

    /// Touched slots (without flags) in the order first added.
    var touched: [UInt32] = []
    var counts: [UInt16] = []
    /// Position in the lists plus one, per slot; 0 for a slot not in the sum.
    private var positions: [UInt32]

    init(size: Int) {
        positions = [UInt32](repeating: 0, count: size)
    }

    mutating func clear() {
        positions.withUnsafeMutableBufferPointer { positions in
            for slot in touched { positions[Int(slot)] = 0 }
        }
        touched.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }

    /// Adds counts given as parallel lists (a sentence's, or a kept copy); returns how
    /// many of the flagged slots were new to the sum (distinct words, for a word block).
    @discardableResult
    mutating func add(slots: UnsafeBufferPointer<UInt32>, counts added: UnsafeBufferPointer<UInt16>) -> Int {
        adding(reserving: slots.count) { adder in
            for k in 0..<slots.count { adder.add(slots[k], added[k]) }
        }
    }

    @discardableResult
    mutating func add(_ other: some SlotList) -> Int {
        other.touched.withUnsafeBufferPointer { slots in
            other.counts.withUnsafeBufferPointer { counts in add(slots: slots, counts: counts) }
        }
    }

    /// Lets `body` add up to `extra` new slots through pointers (the scorer's sentence
    /// pass adds while it reads); returns how many flagged slots were new to the sum.
    @discardableResult
    mutating func adding(reserving extra: Int, _ body: (inout Adder) -> Void) -> Int {
        let start = touched.count
        touched.append(contentsOf: repeatElement(0, count: extra))
        counts.append(contentsOf: repeatElement(0, count: extra))
        var used = start
        var flagged = 0
        touched.withUnsafeMutableBufferPointer { touched in
            counts.withUnsafeMutableBufferPointer { counts in
                positions.withUnsafeMutableBufferPointer { positions in
                    var adder = Adder(touched: touched, counts: counts, positions: positions, used: start)
                    body(&adder)
                    used = adder.used
                    flagged = adder.newlyFlagged
                }
            }
        }
        touched.removeLast(touched.count - used)
        counts.removeLast(counts.count - used)
        return flagged
    }

    /// Adds slot counts to a sum through pointers; see `adding(reserving:_:)`.
    struct Adder {
        let touched: UnsafeMutableBufferPointer<UInt32>
        let counts: UnsafeMutableBufferPointer<UInt16>
        let positions: UnsafeMutableBufferPointer<UInt32>
        var used: Int
        var newlyFlagged = 0

        @inline(__always)
        mutating func add(_ entry: UInt32, _ count: UInt16) {
            let slot = Int(entry & SlotCounts.slotMask)
            let position = Int(positions[slot])
            if position == 0 {
                positions[slot] = UInt32(truncatingIfNeeded: used + 1)
                touched[used] = UInt32(truncatingIfNeeded: slot)
                counts[used] = count
                used += 1
                if entry & SlotCounts.wordFlag != 0 { newlyFlagged += 1 }
            } else {
                let (total, overflow) = counts[position - 1].addingReportingOverflow(count)
                counts[position - 1] = overflow ? UInt16.max : total
            }
        }
    }
}
