import Foundation
import VigilStore

extension Vigil.Findings {
    /// One element of a finding's `related` list in `findings ls --json` and
    /// `findings show --json`: the design's `{"kind", "url", "title", "at"}`,
    /// plus `finding_id` when the related thing is itself a finding (for
    /// coverage, the attack finding it covers). A finding traced to a pull
    /// request a watched person closed has a `closed_pull_request` element
    /// (the pull request's page, title and closing time). Every key is
    /// written, nulls too.
    struct RelatedEntry: Encodable {
        let kind: String
        let url: String?
        let title: String?
        let at: Date
        let findingID: Int64?

        enum CodingKeys: String, CodingKey {
            case kind, url, title, at
            case findingID = "finding_id"
        }

        init(_ related: RelatedFinding) {
            kind = related.kind.rawValue
            url = related.url
            title = related.title
            at = related.createdAt
            findingID = related.id
        }

        init(_ pull: ClosedPullRequest) {
            kind = "closed_pull_request"
            url = pull.url
            title = pull.title
            at = pull.closedAt
            findingID = nil
        }

        /// The list for a finding: empty when it relates to nothing.
        static func list(_ related: RelatedFinding?, _ pull: ClosedPullRequest?) -> [RelatedEntry] {
            (pull.map { [RelatedEntry($0)] } ?? []) + (related.map { [RelatedEntry($0)] } ?? [])
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(url, forKey: .url)
            try container.encode(title, forKey: .title)
            try container.encode(at, forKey: .at)
            try container.encode(findingID, forKey: .findingID)
        }
    }
}
