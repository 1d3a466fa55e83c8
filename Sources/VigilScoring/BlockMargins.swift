/// Both models' dot products and squared norms over one block of weighted slots,
/// gathered in a single pass: the block is L2-normalised after weighting, so its
/// part of each margin is the dot product over the norm, and both fall out of the
/// same loop over the slots.
struct BlockMargins {
    private var firstSquares: Float = 0
    private var firstDot: Float = 0
    private var secondSquares: Float = 0
    private var secondDot: Float = 0

    /// Adds a slot of sublinear term weight `weight`; `slot` holds the first model's
    /// inverse document frequency and weight, then the second's.
    @inline(__always)
    mutating func add(weight: Float, slot: SIMD4<Float>) {
        let first = weight * slot.x
        firstSquares += first * first
        firstDot += first * slot.y
        let second = weight * slot.z
        secondSquares += second * second
        secondDot += second * slot.w
    }

    /// The block's part of each model's margin, scaled by the block's weight.
    func margins(blockWeight: Double) -> (first: Double, second: Double) {
        (
            firstSquares > 0 ? Double(firstDot) * blockWeight / Double(firstSquares.squareRoot()) : 0,
            secondSquares > 0 ? Double(secondDot) * blockWeight / Double(secondSquares.squareRoot()) : 0
        )
    }
}
