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
        // Lanes per slot, exact, in one flat list: idf × weight and idf² of each model.
        var exact = [Float](repeating: 0, count: 4 * size)
        for (lane, model) in [(0, first), (2, second)] {
            guard let model else { continue }
            for slot in 0..<size {
                let idf = model.idf?[slot] ?? 1
                exact[4 * slot + lane] = idf * model.weights[slot]
                exact[4 * slot + lane + 1] = idf * idf
            }
        }
        var largest = [Float](repeating: 0, count: 4)
        for (index, value) in exact.enumerated() { largest[index & 3] = max(largest[index & 3], abs(value)) }
        // A step never rounds to zero, even for a lane of values near the smallest Float.
        let steps = largest.map { $0 > 0 ? max($0 / Float(Int16.max), .leastNonzeroMagnitude) : 1 }
        scale = SIMD4(steps[0], steps[1], steps[2], steps[3])
        entries = (0..<size).map { slot in
            func step(_ lane: Int) -> Int16 {
                Int16(clamping: Int32((exact[4 * slot + lane] / steps[lane]).rounded(.toNearestOrEven)))
            }
            return SIMD4(step(0), step(1), step(2), step(3))
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
