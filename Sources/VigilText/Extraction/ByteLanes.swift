/// Tests eight bytes at once in a 64-bit word (one byte per lane), so scanners skip
/// ordinary text a word at a time instead of branching on every byte.
///
/// Each test sets bit 7 of every lane that matches, exactly: lanes are computed
/// without carries between them, so any lane's bit, not only the first one, can be trusted.
package enum ByteLanes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lowSeven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    package static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Eight bytes starting at `index` (which must leave eight in bounds), first byte in the low lane.
    @inline(__always)
    package static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// Lanes equal to `byte`.
    @inline(__always)
    package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return ~(((difference & lowSeven) &+ lowSeven) | difference) & highBits
    }

    /// Lanes below `bound` (at most 0x80).
    @inline(__always)
    package static func less(_ word: UInt64, than bound: UInt8) -> UInt64 {
        ~(((word & lowSeven) &+ ones &* UInt64(0x80 - bound)) | word) & highBits
    }

    /// The lane of the lowest set bit of a non-zero mask.
    @inline(__always)
    package static func firstLane(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount >> 3
    }
}
