/// One person's findings of a period split by kind, as a digest lists them:
/// the first few of each kind (`FindingCounts` says how many there were).
public struct FindingsByKind: Sendable, Equatable {
    /// Listed findings per kind, in the order `findingsByPersonAndKind` gives.
    public var listed: [FindingKind: [FindingListing]]

    public init(listed: [FindingKind: [FindingListing]] = [:]) {
        self.listed = listed
    }

    public func listed(_ kind: FindingKind) -> [FindingListing] { listed[kind] ?? [] }
}
