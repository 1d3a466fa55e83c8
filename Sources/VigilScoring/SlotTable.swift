/// Per hashed slot, what scoring adds for one occurrence of an n-gram there: the
/// first model's idf × weight and idf², then the second model's (zero with one
/// model). One load per occurrence serves both models.
///
/// The entries are stored as 16-bit fixed point, one scale per lane, so that the
/// table of 2^18 slots takes 2 MB rather than 4 and mostly stays in the second-level
/// cache, where most of scoring's loads land. Sums of entries are exact integers;
/// the rounding of each entry (at most half a step of 1/32767 of the lane's largest
/// value) moves a margin by far less than the models' own noise.
struct SlotTable: Sendable {
    let entries: [SIMD4<Int16>]
    /// What one step of each lane is worth.
    let scale: SIMD4<Float>

    /// The table of one model, or of two models that count the same features.
    init(_ first: TextModel, _ second: TextModel? = nil) {
        let size = first.header.features.hashSize
        func lanes(_ model: TextModel?, _ slot: Int) -> SIMD2<Float> {
            guard let model else { return .zero }
            let idf = model.idf?[slot] ?? 1
            return SIMD2(idf * model.weights[slot], idf * idf)
        }
        let exact = (0..<size).map { slot in
            let a = lanes(first, slot), b = lanes(second, slot)
            return SIMD4(a.x, a.y, b.x, b.y)
        }
        var largest = SIMD4<Float>.zero
        for entry in exact { largest = pointwiseMax(largest, pointwiseMax(entry, -entry)) }
        let scale = largest.replacing(with: 1, where: largest .== 0) / Float(Int16.max)
        self.scale = scale
        entries = exact.map { SIMD4<Int16>(clamping: SIMD4<Int32>(($0 / scale).rounded(.toNearestOrEven))) }
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
