/// The scoring sink: adds the slot-table entry of every occurrence to its block's sums.
struct MarginSums: NgramSink {
    let entries: UnsafeBufferPointer<SIMD4<Int16>>
    let scale: SIMD4<Float>
    var sums = BlockSums()

    mutating func words(_ slots: UnsafeBufferPointer<UInt32>) {
        sums.words += total(slots)
    }

    mutating func characters(_ slots: UnsafeBufferPointer<UInt32>) {
        sums.characters += total(slots)
    }

    /// The sum of the entries of `slots`, in integers (exact, so in any order) over
    /// runs short enough that 16-bit entries cannot overflow 32 bits, in two
    /// interleaved accumulators so that consecutive additions do not wait on each other.
    @inline(__always)
    private func total(_ slots: UnsafeBufferPointer<UInt32>) -> SIMD4<Float> {
        var result = SIMD4<Float>.zero
        var start = 0
        let count = slots.count
        while start < count {
            let end = min(count, start + 32_768)
            var even = SIMD4<Int32>.zero
            var odd = SIMD4<Int32>.zero
            var k = start
            while k + 1 < end {
                even &+= SIMD4<Int32>(truncatingIfNeeded: entries[Int(slots[k])])
                odd &+= SIMD4<Int32>(truncatingIfNeeded: entries[Int(slots[k + 1])])
                k += 2
            }
            if k < end { even &+= SIMD4<Int32>(truncatingIfNeeded: entries[Int(slots[k])]) }
            result += SIMD4<Float>(even &+ odd) * scale
            start = end
        }
        return result
    }
}
