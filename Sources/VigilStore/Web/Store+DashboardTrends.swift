import Foundation
import GRDB

extension Store {
    /// Attacks and coverage per watched person (by name) in each period between
    /// consecutive `boundaries` (ascending): the overview's trend charts.
    /// People without such findings in the span are absent.
    public func attackAndCoverageTrend(boundaries: [Date]) throws -> [String: [WeeklyKindCount]] {
        guard boundaries.count >= 2, let first = boundaries.first, let last = boundaries.last else { return [:] }
        return try read { db in
            // Periods are told apart in SQL, as the digest's history is:
            // one grouped row per person and period, none decoded per finding.
            let inner = boundaries.dropFirst().dropLast()
            let bucket = inner.isEmpty
                ? "0"
                : "CASE " + inner.indices.enumerated().map { index, _ in "WHEN f.created_at < ? THEN \(index)" }.joined(separator: " ")
                    + " ELSE \(inner.count) END"
            var arguments = StatementArguments(Array(inner))
            arguments += [first, last]
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.name AS name, \(bucket) AS bucket,
                       SUM(f.kind = 'attack') AS attacks, SUM(f.kind = 'coverage') AS coverage
                FROM findings f JOIN people p ON p.id = f.person_id
                WHERE f.created_at >= ? AND f.created_at < ? AND f.kind IN ('attack', 'coverage')
                GROUP BY p.id, bucket
                """, arguments: arguments)
            let empty = [WeeklyKindCount](repeating: WeeklyKindCount(), count: boundaries.count - 1)
            var result: [String: [WeeklyKindCount]] = [:]
            for row in rows {
                let index: Int = row["bucket"]
                result[row["name"], default: empty][index] = WeeklyKindCount(attacks: row["attacks"], coverage: row["coverage"])
            }
            return result
        }
    }
}
