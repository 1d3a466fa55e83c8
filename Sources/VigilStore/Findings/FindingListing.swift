import Foundation
import VigilText

/// A finding as a triage listing shows it: the scores, whom it is about and
/// where it was seen, without the item's full text.
public struct FindingListing: Sendable, Equatable {
    public var finding: FindingRecord
    public var personName: String
    public var itemTitle: String?
    public var itemURL: String?
    public var itemAuthor: String?
    /// The feed's URL with its credentials redacted (`URLRedaction`): listings
    /// are shown and exported, and only the feeds table needs the real one.
    public var feedURL: String
    public var feedTitle: String?
    /// The finding `finding.relatedFindingId` points at (for coverage, the attack it covers).
    public var related: RelatedFinding?

    public init(
        finding: FindingRecord, personName: String, itemTitle: String?, itemURL: String?, itemAuthor: String?,
        feedURL: String, feedTitle: String?, related: RelatedFinding? = nil
    ) {
        self.finding = finding
        self.personName = personName
        self.itemTitle = itemTitle
        self.itemURL = itemURL
        self.itemAuthor = itemAuthor
        self.feedURL = URLRedaction.redacted(feedURL)
        self.feedTitle = feedTitle
        self.related = related
    }
}
