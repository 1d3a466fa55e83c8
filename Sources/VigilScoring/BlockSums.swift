/// The hashed part of two models' margins, kept as sums over n-gram occurrences.
///
/// A block's features are its occurrence counts times each slot's inverse document
/// frequency, divided by the square root of the sum of count times squared inverse
/// document frequency; so a block's part of a margin is (sum of idf × weight over
/// occurrences) / sqrt(sum of idf² over occurrences). Both sums add up across
/// sentences, so a document or a passage is scored from its sentences' sums
/// without reading them again. Lanes: first model's idf × weight and idf², then the
/// second model's (zero when there is one model).
struct BlockSums: Sendable, Equatable {
    var words = SIMD4<Float>.zero
    var characters = SIMD4<Float>.zero

    static func += (sums: inout BlockSums, other: BlockSums) {
        sums.words += other.words
        sums.characters += other.characters
    }

    /// Each model's hashed margin, with the blocks weighted as configured.
    func margins(_ configuration: FeatureConfiguration) -> (first: Double, second: Double) {
        let words = Self.parts(words, weight: configuration.wordBlockWeight)
        let characters = Self.parts(characters, weight: configuration.charBlockWeight)
        return (words.first + characters.first, words.second + characters.second)
    }

    private static func parts(_ sums: SIMD4<Float>, weight: Double) -> (first: Double, second: Double) {
        (
            sums.y > 0 ? Double(sums.x) * weight / Double(sums.y).squareRoot() : 0,
            sums.w > 0 ? Double(sums.z) * weight / Double(sums.w).squareRoot() : 0
        )
    }
}
