import Foundation
import VigilStore
import VigilText

/// A finding as a digest cites it: enough to judge it at a glance and follow
/// the link, with its strongest evidence sentences.
public struct DigestFinding: Sendable, Equatable, Codable {
    public var id: Int64
    public var person: String
    public var severity: Severity
    public var kind: FindingKind
    /// For coverage: the attack finding it reports on, when one was found.
    public var relatedFindingID: Int64?
    public var hostility: Double
    public var agent: Double
    public var attack: Double
    public var title: String?
    public var url: String?
    public var author: String?
    /// The feed's title, or its URL (credentials redacted) when untitled.
    public var feed: String
    public var createdAt: Date
    public var evidence: [Evidence]
    /// The trail from a pull request a watched person closed, in words
    /// ("2 h after @login closed its pull request #N in owner/name").
    public var trail: String?

    public init(
        id: Int64, person: String, severity: Severity, kind: FindingKind, relatedFindingID: Int64?, hostility: Double, agent: Double, attack: Double,
        title: String?, url: String?, author: String?, feed: String, createdAt: Date, evidence: [Evidence], trail: String? = nil
    ) {
        self.trail = trail
        self.id = id
        self.person = person
        self.severity = severity
        self.kind = kind
        self.relatedFindingID = relatedFindingID
        self.hostility = hostility
        self.agent = agent
        self.attack = attack
        self.title = title
        self.url = url
        self.author = author
        self.feed = URLRedaction.redactingURLs(in: feed)
        self.createdAt = createdAt
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, person, severity, kind, hostility, agent, attack, title, url, author, feed, evidence, trail
        case relatedFindingID = "related_finding_id"
        case createdAt = "created_at"
    }

    /// `related_finding_id` is always written (null when there is none), so
    /// a script can group by it; the other optional fields are left out when
    /// unknown, as they always were.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(person, forKey: .person)
        try container.encode(severity, forKey: .severity)
        try container.encode(kind, forKey: .kind)
        try container.encode(relatedFindingID, forKey: .relatedFindingID)
        try container.encode(hostility, forKey: .hostility)
        try container.encode(agent, forKey: .agent)
        try container.encode(attack, forKey: .attack)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encode(URLRedaction.redactingURLs(in: feed), forKey: .feed)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(evidence, forKey: .evidence)
        try container.encodeIfPresent(trail, forKey: .trail)
    }
}

extension DigestFinding {
    /// A listed finding as a digest names it, with the evidence it should show.
    init(_ listing: FindingListing, evidence: [Evidence] = []) {
        let finding = listing.finding
        self.init(
            id: finding.id!, person: listing.personName, severity: finding.severity, kind: finding.kind,
            relatedFindingID: finding.relatedFindingId, hostility: finding.hostility, agent: finding.agent,
            attack: finding.attack, title: listing.itemTitle, url: listing.itemURL, author: listing.itemAuthor,
            feed: listing.feedTitle.flatMap { $0.isEmpty ? nil : $0 } ?? listing.feedURL, createdAt: finding.createdAt,
            evidence: evidence, trail: finding.closedPullRequest.map { $0.sentence(itemAt: finding.createdAt) })
    }
}
