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

    /// The longest evidence text kept, in Unicode scalars. A text without full
    /// stops is one "sentence" however long it is, and evidence goes into every
    /// output record, alert and stored finding: the offsets still span the whole
    /// sentence, the text is cut.
    public static let maxTextScalars = 1_000

    /// `text`, or its first `maxTextScalars` scalars followed by "…".
    public static func excerpt(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: maxTextScalars, limitedBy: scalars.endIndex),
              cut < scalars.endIndex else {
            return String(text)
        }
        return String(String.UnicodeScalarView(scalars[..<cut])) + "…"
    }

    public init(kind: Kind, start: Int, end: Int, score: Double, text: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.score = score
        self.text = text
    }
}
