/// A sentence that explains a score: the most hostile and most agent-like ones.
public struct EvidenceSentence: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case hostile
        case agent
    }

    public var kind: Kind
    /// Offsets in Unicode scalars of the scored text.
    public var start: Int
    public var end: Int
    public var score: Double
    public var text: String

    public init(kind: Kind, start: Int, end: Int, score: Double, text: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.score = score
        self.text = text
    }
}
