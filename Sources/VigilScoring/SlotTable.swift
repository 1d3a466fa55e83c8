/// Per hashed slot, what scoring adds for one occurrence of an n-gram there: the
/// first model's idf × weight and idf², then the second model's (zero with one
/// model). One load per occurrence serves both models.
///
/// The entries are stored as 16-bit fixed point, one scale per lane, so that the
/// table of 2^17 slots takes 1 MB rather than 2 and more of scoring's loads, which
/// land on random slots, hit the second-level cache. Sums of entries are exact
/// integers; the rounding of each entry (at most half a step of 1/32767 of the
/// lane's largest value) moves a margin by far less than the models' own noise.
struct SlotTable: Sendable {
    let entries: [SIMD4<Int16>]
    /// What one step of each lane is worth.
    let scale: SIMD4<Float>

    /// The table of one model, or of two models that count the same features.
    init(_ first: TextModel, _ second: TextModel? = nil) {
        let size = first.header.features.hashSize
        // Exact lanes per slot: idf × weight and idf² of each model.
        func lanes(_ model: TextModel) -> [SIMD2<Float>] {
            // The weights go on past the hashed slots (the stylometric ones); zip stops at the slots.
            zip(model.idf ?? [Float](repeating: 1, count: size), model.weights).map { idf, weight in
                SIMD2(idf * weight, idf * idf)
            }
        }
        let exact = zip(lanes(first), second.map(lanes) ?? [SIMD2<Float>](repeating: .zero, count: size))
            .map { SIMD4(lowHalf: $0, highHalf: $1) }
        var largest = SIMD4<Float>.zero
        for entry in exact { largest = pointwiseMax(largest, pointwiseMax(entry, -entry)) }
        // A step never rounds to zero, even for a lane of values near the smallest Float.
        let scale = pointwiseMax(
            largest.replacing(with: Float(Int16.max), where: largest .== 0) / Float(Int16.max),
            SIMD4(repeating: .leastNonzeroMagnitude))
        self.scale = scale
        // Within ±32767 by construction of the scale, but for subnormal lanes, whose
        // step is inexact: clamped so the conversion cannot trap.
        let limit = SIMD4<Float>(repeating: Float(Int16.max))
        entries = exact.map { entry in
            let steps = pointwiseMin(pointwiseMax((entry / scale).rounded(.toNearestOrEven), -limit), limit)
            return SIMD4(Int16(steps.x), Int16(steps.y), Int16(steps.z), Int16(steps.w))
        }
    }

    /// An empty table, for workspaces that collect occurrences instead (training).
    init() {
        entries = []
        scale = .zero
    }
}

extension SlotTable {
    /// Calls `body` with empty sums against this table, to copy for each sentence read.
    func withEmptySums<Result>(_ body: (MarginSums) -> Result) -> Result {
        entries.withUnsafeBufferPointer { body(MarginSums(entries: $0, scale: scale)) }
    }
}
