import Foundation
import VigilStore

/// The findings one poll of one feed made about one person beyond the
/// burst limit, as one alert: a feed that names someone ten thousand times
/// in one go (a spam wave, a scraped archive, an attack of many posts)
/// pages once more, not ten thousand times. Every finding is still stored;
/// this names them, lists the most severe, and says how to see the rest.
///
/// It is the outbox payload (`"type": "burst"`) and the `burst` object of a
/// `kind: "burst"` envelope (see docs/alerts.md).
public struct BurstAlert: Codable, Sendable, Equatable {
    /// One grouped finding, briefly: enough to open it or act on it.
    public struct Entry: Codable, Sendable, Equatable {
        public var findingID: Int64
        public var severity: Severity
        public var kind: FindingKind
        public var title: String?
        public var link: String?
        public var publishedAt: Date?

        enum CodingKeys: String, CodingKey {
            case findingID = "finding_id"
            case severity, kind, title, link
            case publishedAt = "published_at"
        }

        public init(_ finding: FindingAlert) {
            findingID = finding.findingID
            severity = finding.severity
            kind = finding.kind
            title = finding.title
            link = finding.link
            publishedAt = finding.publishedAt
        }
    }

    public struct Actions: Codable, Sendable, Equatable {
        /// The command that lists the person's findings, to paste.
        public var list: String
    }

    /// How many grouped findings a payload lists; the rest are counted.
    public static let listedLimit = 100

    public var type = "burst"
    public var person: String
    public var teams: [String]
    public var feed: FindingAlert.FeedReference
    /// How many findings the alert stands for.
    public var count: Int
    /// The highest severity among them.
    public var severity: Severity
    /// Their kinds, each once, in the order attack, coverage, mention.
    public var kinds: [FindingKind]
    public var detectedAt: Date
    /// Every grouped finding's ID, so a receiver can act on all of them.
    public var findingIDs: [Int64]
    /// The most severe first (then in the order they were stored), at most `listedLimit`.
    public var findings: [Entry]
    public var actions: Actions

    enum CodingKeys: String, CodingKey {
        case type, person, teams, feed, count, severity, kinds
        case detectedAt = "detected_at"
        case findingIDs = "finding_ids"
        case findings, actions
    }

    /// Groups findings about one person from one feed. `members` must not be empty.
    public init(members: [FindingAlert]) {
        let ranked = members.enumerated().sorted { left, right in
            left.element.severity != right.element.severity ? left.element.severity > right.element.severity : left.offset < right.offset
        }.map(\.element)
        let first = members.first
        person = first?.person ?? ""
        teams = first?.teams ?? []
        feed = first?.feed ?? FindingAlert.FeedReference(url: "", title: nil)
        count = members.count
        severity = members.map(\.severity).max() ?? .none
        let present = Set(members.map(\.kind))
        kinds = FindingKind.allCases.filter(present.contains)
        detectedAt = members.map(\.detectedAt).max() ?? Date()
        findingIDs = members.map(\.findingID)
        findings = ranked.prefix(Self.listedLimit).map(Entry.init)
        actions = Actions(list: "vigil findings ls --person \(Self.shellQuoted(person))")
    }

    /// How many grouped findings the payload counts but does not list.
    public var unlisted: Int { max(count - findings.count, 0) }

    /// A single-quoted shell word, so the command pastes as it reads.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
