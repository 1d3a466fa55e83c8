/// Word classes the stylometric features count. A word may be in several.
public struct LexiconCategory: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let insult = LexiconCategory(rawValue: 1 << 0)
    public static let profanity = LexiconCategory(rawValue: 1 << 1)
    public static let intensifier = LexiconCategory(rawValue: 1 << 2)
    public static let prejudice = LexiconCategory(rawValue: 1 << 3)
    public static let egoInsecurity = LexiconCategory(rawValue: 1 << 4)
    public static let gatekeeping = LexiconCategory(rawValue: 1 << 5)
    public static let badFaith = LexiconCategory(rawValue: 1 << 6)
    public static let incompetence = LexiconCategory(rawValue: 1 << 7)
    public static let aiSelfReference = LexiconCategory(rawValue: 1 << 8)
    public static let machinePhrase = LexiconCategory(rawValue: 1 << 9)
    public static let secondPerson = LexiconCategory(rawValue: 1 << 10)
    public static let firstPersonSingular = LexiconCategory(rawValue: 1 << 11)
    public static let thirdPerson = LexiconCategory(rawValue: 1 << 12)
    public static let politeness = LexiconCategory(rawValue: 1 << 13)
    public static let questionOpener = LexiconCategory(rawValue: 1 << 14)
    public static let negationOpener = LexiconCategory(rawValue: 1 << 15)
    public static let itOpener = LexiconCategory(rawValue: 1 << 16)

    /// The accusations that make civil prose a reputation attack.
    public static let accusation: LexiconCategory = [.prejudice, .egoInsecurity, .gatekeeping, .badFaith, .incompetence]
    /// Words that point at a person other than the writer.
    public static let personReference: LexiconCategory = [.secondPerson, .thirdPerson]
}
