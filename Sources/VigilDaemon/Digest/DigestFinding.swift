import Foundation
import VigilStore

/// A finding as a digest cites it: enough to judge it at a glance and follow
/// the link, with its strongest evidence sentences.
public struct DigestFinding: Sendable, Equatable, Codable {
    public var id: Int64
    public var person: String
    public var severity: Severity
    public var hostility: Double
    public var agent: Double
    public var attack: Double
    public var title: String?
    public var url: String?
    public var author: String?
    /// The feed's title, or its URL when untitled.
    public var feed: String
    public var createdAt: Date
    public var evidence: [Evidence]

    public init(
        id: Int64, person: String, severity: Severity, hostility: Double, agent: Double, attack: Double,
        title: String?, url: String?, author: String?, feed: String, createdAt: Date, evidence: [Evidence]
    ) {
        self.id = id
        self.person = person
        self.severity = severity
        self.hostility = hostility
        self.agent = agent
        self.attack = attack
        self.title = title
        self.url = url
        self.author = author
        self.feed = feed
        self.createdAt = createdAt
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, person, severity, hostility, agent, attack, title, url, author, feed, evidence
        case createdAt = "created_at"
    }
}
