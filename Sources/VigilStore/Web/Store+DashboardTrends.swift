import Foundation

extension Store {
    /// Attacks and coverage per watched person (by name) in each period between
    /// consecutive `boundaries` (ascending): the overview's trend charts.
    /// People without such findings in the span are absent.
    public func attackAndCoverageTrend(boundaries: [Date]) throws -> [String: [WeeklyKindCount]] {
        guard boundaries.count >= 2, let first = boundaries.first, let last = boundaries.last else { return [:] }
        return try reading { session in
            // Periods are told apart in SQL, as the digest's history is:
            // one grouped row per person and period, none decoded per finding.
            let inner = boundaries.dropFirst().dropLast()
            let bucket = inner.isEmpty
                ? "0"
                : "CASE " + inner.indices.enumerated().map { index, _ in "WHEN f.created_at < ? THEN \(index)" }.joined(separator: " ")
                    + " ELSE \(inner.count) END"
            let arguments: [any SQLValueConvertible] = Array(inner) + [first, last]
            let rows = try session.rows("""
                SELECT p.name AS name, \(bucket) AS bucket,
                       SUM(CASE WHEN f.kind = 'attack' THEN 1 ELSE 0 END) AS attacks,
                       SUM(CASE WHEN f.kind = 'coverage' THEN 1 ELSE 0 END) AS coverage
                FROM findings f JOIN people p ON p.id = f.person_id
                WHERE f.created_at >= ? AND f.created_at < ? AND f.kind IN ('attack', 'coverage')
                GROUP BY p.id, p.name, 2
                """, arguments)
            let empty = [WeeklyKindCount](repeating: WeeklyKindCount(), count: boundaries.count - 1)
            var result: [String: [WeeklyKindCount]] = [:]
            for row in rows {
                let index: Int = try row.get("bucket")
                result[try row.get("name"), default: empty][index] = WeeklyKindCount(
                    attacks: try row.get("attacks"), coverage: try row.get("coverage"))
            }
            return result
        }
    }
}
