import Foundation

/// A stored finding as the search for related findings reads it: its kind,
/// when it was created, whether it already points at another finding, and
/// the item's address, text and evidence that a covering post would link
/// to or quote.
public struct LinkableFinding: Sendable, Equatable {
    public var id: Int64
    public var personID: Int64
    public var kind: FindingKind
    public var createdAt: Date
    public var relatedFindingID: Int64?
    public var itemURL: String?
    /// The item's extracted text; nil when the store no longer holds it.
    public var itemText: String?
    public var evidence: [Evidence]

    public init(
        id: Int64, personID: Int64, kind: FindingKind, createdAt: Date, relatedFindingID: Int64? = nil,
        itemURL: String?, itemText: String?, evidence: [Evidence]
    ) {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.createdAt = createdAt
        self.relatedFindingID = relatedFindingID
        self.itemURL = itemURL
        self.itemText = itemText
        self.evidence = evidence
    }
}
