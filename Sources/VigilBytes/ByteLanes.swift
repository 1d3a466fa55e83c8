/// Tests eight bytes at once in a 64-bit word (one byte per lane), and sixteen in a
/// vector where a scan is long, so scanners skip ordinary text a word at a time
/// instead of branching on every byte.
///
/// Each test sets bit 7 of every lane that matches, exactly: lanes are computed
/// without carries between them, so any lane's bit, not only the first one, can be trusted.
package enum ByteLanes {
    @usableFromInline static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @usableFromInline static var lowSeven: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }
    /// Bit 7 of every lane: a word with none of them set is all ASCII.
    @inlinable package static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Eight bytes starting at `index` (which must leave eight in bounds), first byte in the low lane.
    @inlinable @inline(__always)
    package static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// Lanes equal to `byte`.
    @inlinable @inline(__always)
    package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return ~(((difference & lowSeven) &+ lowSeven) | difference) & highBits
    }

    /// Lanes below `bound` (at most 0x80).
    @inlinable @inline(__always)
    package static func less(_ word: UInt64, than bound: UInt8) -> UInt64 {
        ~(((word & lowSeven) &+ ones &* UInt64(0x80 - bound)) | word) & highBits
    }

    /// The lane of the lowest set bit of a non-zero mask.
    @inlinable @inline(__always)
    package static func firstLane(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount >> 3
    }

    /// The first index in `start..<end` whose byte is one of `targets`, or (when
    /// `controls`) a control character below 0x20 other than the two `allowed` ones;
    /// `end` when there is none. Every byte of a feed's text passes through here (the
    /// tokenizer's entity scan, markup escaping), so sixteen bytes are tested a step with
    /// vector compares, which the standard library's SIMD types lower to single instructions.
    @inlinable
    package static func firstIndex(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
        of targets: (UInt8, UInt8, UInt8, UInt8), controls: Bool, allowed: (UInt8, UInt8)
    ) -> Int {
        var index = start
        if index + 16 <= end, let base = buffer.baseAddress {
            let first = SIMD16<UInt8>(repeating: targets.0), second = SIMD16<UInt8>(repeating: targets.1)
            let third = SIMD16<UInt8>(repeating: targets.2), fourth = SIMD16<UInt8>(repeating: targets.3)
            let space = SIMD16<UInt8>(repeating: 0x20)
            let allowedFirst = SIMD16<UInt8>(repeating: allowed.0), allowedSecond = SIMD16<UInt8>(repeating: allowed.1)
            while index + 16 <= end {
                let vector = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                var found = (vector .== first) .| (vector .== second) .| (vector .== third) .| (vector .== fourth)
                if controls {
                    found .|= (vector .< space) .& (vector .!= allowedFirst) .& (vector .!= allowedSecond)
                }
                if any(found) {
                    for lane in 0..<16 where found[lane] { return index + lane }
                }
                index += 16
            }
        }
        while index + 8 <= end {
            let word = load(buffer, at: index)
            var found = equal(word, targets.0) | equal(word, targets.1) | equal(word, targets.2) | equal(word, targets.3)
            if controls {
                var below = less(word, than: 0x20)
                if below != 0 { below &= ~(equal(word, allowed.0) | equal(word, allowed.1)) }
                found |= below
            }
            if found != 0 { return index + firstLane(found) }
            index += 8
        }
        while index < end {
            let byte = buffer[index]
            if byte == targets.0 || byte == targets.1 || byte == targets.2 || byte == targets.3
                || (controls && byte < 0x20 && byte != allowed.0 && byte != allowed.1) {
                return index
            }
            index += 1
        }
        return end
    }
}
