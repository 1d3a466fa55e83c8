import Foundation

/// A comment on an issue or a pull request, from `GET /repos/{o}/{r}/issues/comments`:
/// only the fields vigil reads.
public struct GitHubComment: Decodable, Sendable, Equatable {
    public let id: Int64
    public let htmlURL: String
    /// Markdown as written; GitHub may send null for an emptied comment, read as "".
    public let body: String
    /// Nil for a deleted account (GitHub's "ghost").
    public let author: GitHubAccount?
    public let createdAt: Date
    public let updatedAt: Date
    /// The API URL of the issue or pull request the comment is on.
    public let issueURL: String

    private enum CodingKeys: String, CodingKey {
        case id, body, user
        case htmlURL = "html_url"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case issueURL = "issue_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        htmlURL = try container.decode(String.self, forKey: .htmlURL)
        body = try container.decodeIfPresent(String.self, forKey: .body) ?? ""
        author = try container.decodeIfPresent(GitHubAccount.self, forKey: .user)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        issueURL = try container.decode(String.self, forKey: .issueURL)
    }
}
