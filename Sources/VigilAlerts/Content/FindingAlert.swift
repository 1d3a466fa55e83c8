import Foundation
import VigilStore
import VigilText

/// One finding as an alert describes it, frozen when the finding was stored:
/// this is the outbox payload, and the element of `findings` in the JSON
/// every channel that speaks JSON receives (see docs/alerts.md).
public struct FindingAlert: Codable, Sendable, Equatable {
    /// The feed an alert came from. Its URL is redacted (`URLRedaction`) when
    /// made and again when read back from the outbox, so no channel ever
    /// receives a private feed's credentials, even from a row queued by an
    /// older vigil.
    public struct FeedReference: Codable, Sendable, Equatable {
        public var url: String
        public var title: String?

        enum CodingKeys: String, CodingKey {
            case url, title
        }

        public init(url: String, title: String?) {
            self.url = URLRedaction.redacted(url)
            self.title = title
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(url: try container.decode(String.self, forKey: .url),
                      title: try container.decodeIfPresent(String.self, forKey: .title))
        }
    }

    public struct EvidenceLine: Codable, Sendable, Equatable {
        public var kind: String
        public var score: Double
        public var text: String

        public init(kind: String, score: Double, text: String) {
            self.kind = kind
            self.score = score
            self.text = text
        }
    }

    /// The commands that act on the finding, spelled out so a reader can paste them.
    public struct Actions: Codable, Sendable, Equatable {
        public var acknowledge: String
        public var markBenign: String

        enum CodingKeys: String, CodingKey {
            case acknowledge = "ack"
            case markBenign = "benign"
        }

        public init(findingID: Int64) {
            acknowledge = "vigil findings ack \(findingID)"
            markBenign = "vigil findings label \(findingID) benign"
        }
    }

    public var findingID: Int64
    public var idempotencyKey: String
    public var person: String
    public var teams: [String]
    public var severity: Severity
    /// Whether the post attacks the person, covers an attack, or only mentions them.
    public var kind: FindingKind
    /// Set when an edited item made an existing finding worse.
    public var previousSeverity: Severity?
    public var title: String?
    public var link: String?
    public var author: String?
    public var publishedAt: Date?
    public var detectedAt: Date
    public var feed: FeedReference
    public var attack: Double
    public var hostility: Double
    public var agent: Double
    public var agentReason: String
    public var evidence: [EvidenceLine]
    public var actions: Actions
    /// The trail from a rejected contribution, in words with the pull
    /// request's address: "2 h after @login closed its pull request #N in
    /// owner/name (URL)". Nil when the author is not traced to one.
    public var trail: String?

    enum CodingKeys: String, CodingKey {
        case findingID = "finding_id"
        case idempotencyKey = "idempotency_key"
        case person, teams, severity, kind
        case previousSeverity = "previous_severity"
        case title, link, author
        case publishedAt = "published_at"
        case detectedAt = "detected_at"
        case feed, attack, hostility, agent
        case agentReason = "agent_reason"
        case evidence, actions, trail
    }

    public init(
        findingID: Int64, idempotencyKey: String, person: String, teams: [String], severity: Severity,
        kind: FindingKind, previousSeverity: Severity? = nil, title: String?, link: String?, author: String? = nil,
        publishedAt: Date? = nil, detectedAt: Date, feed: FeedReference, attack: Double, hostility: Double,
        agent: Double, agentReason: String, evidence: [EvidenceLine]
    ) {
        self.findingID = findingID
        self.idempotencyKey = idempotencyKey
        self.person = person
        self.teams = teams
        self.severity = severity
        self.kind = kind
        self.previousSeverity = previousSeverity
        self.title = title
        self.link = link
        self.author = author
        self.publishedAt = publishedAt
        self.detectedAt = detectedAt
        self.feed = feed
        self.attack = attack
        self.hostility = hostility
        self.agent = agent
        self.agentReason = agentReason
        self.evidence = evidence
        self.actions = Actions(findingID: findingID)
    }

    /// Describes a stored finding for one channel.
    public init(_ stored: StoredFinding, idempotencyKey: String) {
        let finding = stored.finding
        self.init(
            findingID: finding.id ?? 0, idempotencyKey: idempotencyKey, person: stored.person.name,
            teams: stored.teams, severity: finding.severity, kind: finding.kind, previousSeverity: stored.previousSeverity,
            title: stored.item.title, link: stored.item.url, author: stored.item.author,
            publishedAt: stored.item.publishedAt, detectedAt: finding.updatedAt,
            feed: FeedReference(url: stored.feed.url, title: stored.feed.title),
            attack: finding.attack, hostility: finding.hostility, agent: finding.agent,
            agentReason: AgentReason.describe(agent: finding.agent, evidence: finding.evidence),
            evidence: finding.evidence.map { EvidenceLine(kind: $0.kind.rawValue, score: $0.score, text: $0.text) })
        trail = finding.closedPullRequest.map { pull in
            "\(pull.sentence(itemAt: stored.item.publishedAt ?? stored.item.firstSeenAt)) (\(pull.url))"
        }
    }

    /// Reads a queued payload. Alerts queued before findings had kinds carry
    /// none; they get the kind the database migration gave their findings
    /// (an attack at medium severity and above, otherwise a mention).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        findingID = try container.decode(Int64.self, forKey: .findingID)
        idempotencyKey = try container.decode(String.self, forKey: .idempotencyKey)
        person = try container.decode(String.self, forKey: .person)
        teams = try container.decode([String].self, forKey: .teams)
        severity = try container.decode(Severity.self, forKey: .severity)
        kind = try container.decodeIfPresent(FindingKind.self, forKey: .kind) ?? (severity >= .medium ? .attack : .mention)
        previousSeverity = try container.decodeIfPresent(Severity.self, forKey: .previousSeverity)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        link = try container.decodeIfPresent(String.self, forKey: .link)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        publishedAt = try container.decodeIfPresent(Date.self, forKey: .publishedAt)
        detectedAt = try container.decode(Date.self, forKey: .detectedAt)
        feed = try container.decode(FeedReference.self, forKey: .feed)
        attack = try container.decode(Double.self, forKey: .attack)
        hostility = try container.decode(Double.self, forKey: .hostility)
        agent = try container.decode(Double.self, forKey: .agent)
        agentReason = try container.decode(String.self, forKey: .agentReason)
        evidence = try container.decode([EvidenceLine].self, forKey: .evidence)
        actions = try container.decode(Actions.self, forKey: .actions)
        trail = try container.decodeIfPresent(String.self, forKey: .trail)
    }
}
