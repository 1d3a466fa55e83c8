/// A sentence that supports a finding, located in the item's extracted text
/// by Unicode-scalar offsets.
public struct Evidence: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case hostile
        case agent
    }

    public var kind: Kind
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
