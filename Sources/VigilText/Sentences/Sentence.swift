/// One sentence of a text, located by Unicode-scalar offsets so that every stage
/// (matcher, scorer, store, `vigil scan`) can point into the same original text
/// without agreeing on a string index type.
public struct Sentence: Sendable, Hashable {
    /// Offset of the first scalar of the sentence in the text it came from.
    public let start: Int
    /// Offset one past the last scalar of the sentence.
    public let end: Int
    /// The sentence itself, surrounding whitespace trimmed.
    public let text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

extension Array where Element == Sentence {
    /// The index of the sentence that holds the scalar at `offset`, or of the last
    /// sentence that starts before it when the offset falls between sentences;
    /// 0 for an empty list, so a caller always has an index to report.
    public func index(containingScalarOffset offset: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        return Swift.max(0, low - 1)
    }
}
