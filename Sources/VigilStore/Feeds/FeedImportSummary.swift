/// What an import did: feeds added, and feeds skipped because they were
/// already there (an import is safe to run twice).
public struct FeedImportSummary: Sendable, Equatable {
    public var added: [String]
    public var alreadyPresent: [String]

    public init(added: [String] = [], alreadyPresent: [String] = []) {
        self.added = added
        self.alreadyPresent = alreadyPresent
    }
}
