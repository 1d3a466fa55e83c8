import Foundation
import VigilAssessment

extension Store {
    /// Findings created or updated since `date`, most severe and highest
    /// attack first, each with its person, item and feed.
    public func findingsWithContext(since date: Date, minimumSeverity: Severity = .none, limit: Int = 100) throws -> [StoredFinding] {
        try reading { session in
            let allowed = SQLList(Severity.allCases.filter { $0 >= minimumSeverity }.map(\.rawValue))
            let findings = try session.fetch(
                FindingRecord.self,
                "SELECT * FROM findings WHERE updated_at >= ? AND \(allowed.contains("severity")) ORDER BY attack DESC, id LIMIT ?",
                [date] + allowed.values + [limit])
            return try findings.compactMap { finding in
                guard let person = try session.fetchOne(PersonRecord.self, id: finding.personId),
                      let item = try session.fetchOne(ItemRecord.self, id: finding.itemId),
                      let feed = try session.fetchOne(FeedRecord.self, id: item.feedId) else { return nil }
                return StoredFinding(
                    finding: finding, person: person, teams: try Self.teamNames(of: person.id!, in: session), item: item,
                    feed: feed, previousSeverity: nil)
            }
        }
    }
}
