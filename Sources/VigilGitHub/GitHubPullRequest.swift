import Foundation

/// A closed pull request, from `GET /repos/{o}/{r}/pulls?state=closed`: who
/// opened it, and whether it was merged or turned down.
public struct GitHubPullRequest: Decodable, Sendable, Equatable {
    public let number: Int
    public let htmlURL: String
    public let title: String
    /// Nil for a deleted account.
    public let author: GitHubAccount?
    public let closedAt: Date?
    /// Nil when the pull request was closed without merging.
    public let mergedAt: Date?

    private enum CodingKeys: String, CodingKey {
        case number, title, user
        case htmlURL = "html_url"
        case closedAt = "closed_at"
        case mergedAt = "merged_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(Int.self, forKey: .number)
        htmlURL = try container.decode(String.self, forKey: .htmlURL)
        title = try container.decode(String.self, forKey: .title)
        author = try container.decodeIfPresent(GitHubAccount.self, forKey: .user)
        closedAt = try container.decodeIfPresent(Date.self, forKey: .closedAt)
        mergedAt = try container.decodeIfPresent(Date.self, forKey: .mergedAt)
    }
}
