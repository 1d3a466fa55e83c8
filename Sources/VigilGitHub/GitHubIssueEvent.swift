import Foundation

/// An event on an issue or a pull request, from `GET /repos/{o}/{r}/issues/events`:
/// vigil reads the "closed" ones to learn who closed which pull request.
public struct GitHubIssueEvent: Decodable, Sendable, Equatable {
    /// "closed", "reopened", "labeled", …
    public let event: String
    /// Nil for a deleted account.
    public let actorLogin: String?
    /// The issue or pull request the event happened to; nil if GitHub left it out.
    public let issue: Subject?
    public let createdAt: Date

    /// The issue an event names, reduced to what tells a pull request apart.
    public struct Subject: Decodable, Sendable, Equatable {
        public let number: Int
        /// Whether GitHub marked the issue as a pull request (a `pull_request` object is present).
        public let isPullRequest: Bool

        private enum CodingKeys: String, CodingKey {
            case number
            case pullRequest = "pull_request"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            isPullRequest = try container.contains(.pullRequest) && !container.decodeNil(forKey: .pullRequest)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case event, actor, issue
        case createdAt = "created_at"
    }

    private struct Actor: Decodable {
        let login: String
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        event = try container.decode(String.self, forKey: .event)
        actorLogin = try container.decodeIfPresent(Actor.self, forKey: .actor)?.login
        issue = try container.decodeIfPresent(Subject.self, forKey: .issue)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
    }
}
