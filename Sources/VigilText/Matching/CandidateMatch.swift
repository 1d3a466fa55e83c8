/// A pattern found in the normalised text, located in the original's UTF-8,
/// before the word-boundary, address, code and surname rules have had their say.
struct CandidateMatch: Sendable {
    let pattern: Int32
    /// UTF-8 offset of the first scalar of the match in the original text.
    let start: Int32
    /// UTF-8 offset of the last scalar of the match (its start, not its end).
    let lastScalar: Int32
}
