import Foundation
import GRDB
import VigilAssessment

extension Store {
    /// Findings created or updated since `date`, most severe and highest
    /// attack first, each with its person, item and feed.
    public func findingsWithContext(since date: Date, minimumSeverity: Severity = .none, limit: Int = 100) throws -> [StoredFinding] {
        try read { db in
            let allowed = Severity.allCases.filter { $0 >= minimumSeverity }.map(\.rawValue)
            let findings = try FindingRecord
                .filter(Column("updated_at") >= date && allowed.contains(Column("severity")))
                .order(Column("attack").desc, Column("id"))
                .limit(limit)
                .fetchAll(db)
            return try findings.compactMap { finding in
                guard let person = try PersonRecord.fetchOne(db, key: finding.personId),
                      let item = try ItemRecord.fetchOne(db, key: finding.itemId),
                      let feed = try FeedRecord.fetchOne(db, key: item.feedId) else { return nil }
                return StoredFinding(
                    finding: finding, person: person, teams: try Self.teamNames(of: person.id!, in: db), item: item,
                    feed: feed, previousSeverity: nil)
            }
        }
    }
}
