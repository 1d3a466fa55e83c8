/// Per hashed slot, what scoring adds for one occurrence of an n-gram there: the
/// first model's idf × weight and idf², then the second model's. One 16-byte load
/// per occurrence serves both models; the table is built once per scorer.
struct SlotTable: Sendable {
    let entries: [SIMD4<Float>]

    /// The table of one model, or of two models that count the same features.
    init(_ first: TextModel, _ second: TextModel? = nil) {
        let size = first.header.features.hashSize
        func lanes(_ model: TextModel?, _ slot: Int) -> SIMD2<Float> {
            guard let model else { return .zero }
            let idf = model.idf?[slot] ?? 1
            return SIMD2(idf * model.weights[slot], idf * idf)
        }
        entries = (0..<size).map { slot in
            let a = lanes(first, slot), b = lanes(second, slot)
            return SIMD4(a.x, a.y, b.x, b.y)
        }
    }
}
