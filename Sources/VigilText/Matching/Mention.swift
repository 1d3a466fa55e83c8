/// One place where a text refers to a watched person.
public struct Mention: Sendable, Hashable {
    /// The watched person's name as given on the watchlist.
    public let person: String
    /// Position of the person in the list the matcher was built from, so callers
    /// holding richer records (database ids, teams) can find theirs.
    public let personIndex: Int
    /// The text as it appears in the document, between `start` and `end`.
    public let matched: String
    /// Offset of the first Unicode scalar of the mention in the original text.
    public let start: Int
    /// Offset one past the last Unicode scalar of the mention.
    public let end: Int
    /// Index of the sentence (from `SentenceSplitter`) that holds `start`.
    public let sentence: Int
    public let kind: MentionKind

    public init(person: String, personIndex: Int, matched: String, start: Int, end: Int, sentence: Int, kind: MentionKind) {
        self.person = person
        self.personIndex = personIndex
        self.matched = matched
        self.start = start
        self.end = end
        self.sentence = sentence
        self.kind = kind
    }
}
