/// The scoring sink: adds the slot-table entry of every occurrence to its block's sums.
struct MarginSums: NgramSink {
    let table: UnsafeBufferPointer<SIMD4<Float>>
    var sums = BlockSums()

    mutating func words(_ slots: UnsafeBufferPointer<UInt32>) {
        sums.words += total(slots)
    }

    mutating func characters(_ slots: UnsafeBufferPointer<UInt32>) {
        sums.characters += total(slots)
    }

    /// The sum of the entries of `slots`, in two interleaved accumulators so that
    /// consecutive additions do not wait on each other.
    @inline(__always)
    private func total(_ slots: UnsafeBufferPointer<UInt32>) -> SIMD4<Float> {
        var even = SIMD4<Float>.zero
        var odd = SIMD4<Float>.zero
        var k = 0
        let count = slots.count
        while k + 1 < count {
            even += table[Int(slots[k])]
            odd += table[Int(slots[k + 1])]
            k += 2
        }
        if k < count { even += table[Int(slots[k])] }
        return even + odd
    }
}
