import Foundation

/// A pull request a watched person closed without merging, as a finding
/// records it when the item's author (or the account that linked to its
/// site) opened it: the trail from a rejected contribution to an attack.
public struct ClosedPullRequest: Codable, Sendable, Equatable {
    /// `owner/name`.
    public var repo: String
    public var number: Int
    /// The pull request's `html_url`.
    public var url: String
    public var title: String
    /// Who opened it: the account the item is traced to.
    public var author: String
    /// The watched person's GitHub login that closed it.
    public var closedBy: String
    public var closedAt: Date

    public init(repo: String, number: Int, url: String, title: String, author: String, closedBy: String, closedAt: Date) {
        self.repo = repo
        self.number = number
        self.url = url
        self.title = title
        self.author = author
        self.closedBy = closedBy
        self.closedAt = closedAt
    }

    enum CodingKeys: String, CodingKey {
        case repo, number, url, title, author
        case closedBy = "closed_by"
        case closedAt = "closed_at"
    }

    /// The JSON of the `closed_pull_request` column: ISO 8601 dates, keys sorted.
    static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    static var jsonDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// "2 h after @login closed its pull request #N": the trail in words,
    /// `hours` measured from the close to the item.
    public func sentence(itemAt time: Date) -> String {
        let elapsed = max(0, time.timeIntervalSince(closedAt))
        let when: String
        if elapsed < 3600 {
            when = "\(max(1, Int(elapsed / 60))) min after"
        } else if elapsed < 48 * 3600 {
            when = "\(Int(elapsed / 3600)) h after"
        } else {
            when = "\(Int(elapsed / 86400)) days after"
        }
        return "\(when) @\(closedBy) closed its pull request #\(number) in \(repo)"
    }
}
