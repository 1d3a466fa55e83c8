import Foundation

/// What one source did in a period. A source is an author when the feed names
/// one (so one agent posting on several sites is one source), and otherwise
/// the feed itself.
public struct SourceActivity: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case author
        case feed
    }

    public var kind: Kind
    /// The author's name, or the feed's title (its URL when untitled).
    public var name: String
    /// The feeds the source's items came from, by title or URL.
    public var feeds: [String]
    /// People the source mentioned in the period, by name.
    public var peopleMentioned: [String]
    /// People the source attacked (attack findings of low severity and above).
    public var peopleAttacked: [String]
    public var findings: Int
    public var hostile: Int
    public var highestSeverity: Severity
    /// When vigil first saw any item from this source (within item retention).
    public var firstSeenAt: Date

    public init(
        kind: Kind, name: String, feeds: [String], peopleMentioned: [String], peopleAttacked: [String],
        findings: Int, hostile: Int, highestSeverity: Severity, firstSeenAt: Date
    ) {
        self.kind = kind
        self.name = name
        self.feeds = feeds
        self.peopleMentioned = peopleMentioned
        self.peopleAttacked = peopleAttacked
        self.findings = findings
        self.hostile = hostile
        self.highestSeverity = highestSeverity
        self.firstSeenAt = firstSeenAt
    }

    enum CodingKeys: String, CodingKey {
        case kind, name, feeds, findings, hostile
        case peopleMentioned = "people_mentioned"
        case peopleAttacked = "people_attacked"
        case highestSeverity = "highest_severity"
        case firstSeenAt = "first_seen_at"
    }
}
