import Foundation
import VigilText

/// One line of `vigil findings export --format jsonl`: a finding in a shape
/// meant for other people's tools (a foundation's security team, a shared
/// tracker). The schema is versioned by `schema` and documented in
/// docs/findings-export.md; fields are only ever added, never renamed.
public struct FindingExportRow: Sendable, Equatable, Encodable {
    public static let schemaName = "vigil.finding/2"

    public struct Scores: Sendable, Equatable, Encodable {
        public var hostility: Double
        public var agent: Double
        public var attack: Double
    }

    public struct Item: Sendable, Equatable, Encodable {
        public var url: String?
        public var title: String?
        public var author: String?
        public var publishedAt: Date?
        public var firstSeenAt: Date
        /// The extracted text, only when the export asks for it.
        public var text: String?

        enum CodingKeys: String, CodingKey {
            case url, title, author, text
            case publishedAt = "published_at"
            case firstSeenAt = "first_seen_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)
            try container.encode(title, forKey: .title)
            try container.encode(author, forKey: .author)
            try container.encode(publishedAt, forKey: .publishedAt)
            try container.encode(firstSeenAt, forKey: .firstSeenAt)
            try container.encodeIfPresent(text, forKey: .text)
        }
    }

    /// The feed, its URLs with credentials redacted (`URLRedaction`): an
    /// export is meant to be shared, and a private feed's token is not.
    public struct Feed: Sendable, Equatable, Encodable {
        public var url: String
        public var title: String?
        public var siteURL: String?

        public init(url: String, title: String?, siteURL: String?) {
            self.url = URLRedaction.redacted(url)
            self.title = title
            self.siteURL = siteURL.map(URLRedaction.redacted)
        }

        enum CodingKeys: String, CodingKey {
            case url, title
            case siteURL = "site_url"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)
            try container.encode(title, forKey: .title)
            try container.encode(siteURL, forKey: .siteURL)
        }
    }

    public var id: Int64
    public var person: String
    public var teams: [String]
    public var severity: Severity
    public var kind: FindingKind
    /// For coverage: the ID of the attack finding it covers, when one was found.
    public var relatedFindingID: Int64?
    /// The pull request a watched person closed that the author's trail leads to.
    public var closedPullRequest: ClosedPullRequest?
    public var scores: Scores
    public var evidence: [Evidence]
    public var modelVersion: String
    public var state: FindingRecord.State
    public var label: FindingRecord.Label?
    public var createdAt: Date
    public var updatedAt: Date
    public var item: Item
    public var feed: Feed

    enum CodingKeys: String, CodingKey {
        case schema, id, person, teams, severity, kind, scores, evidence, state, label, item, feed
        case relatedFindingID = "related_finding_id"
        case closedPullRequest = "closed_pull_request"
        case modelVersion = "model_version"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// Writes every key, nulls included, so consumers can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaName, forKey: .schema)
        try container.encode(id, forKey: .id)
        try container.encode(person, forKey: .person)
        try container.encode(teams, forKey: .teams)
        try container.encode(severity, forKey: .severity)
        try container.encode(kind, forKey: .kind)
        try container.encode(relatedFindingID, forKey: .relatedFindingID)
        try container.encode(closedPullRequest, forKey: .closedPullRequest)
        try container.encode(scores, forKey: .scores)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(modelVersion, forKey: .modelVersion)
        try container.encode(state, forKey: .state)
        try container.encode(label, forKey: .label)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(item, forKey: .item)
        try container.encode(feed, forKey: .feed)
    }
}
