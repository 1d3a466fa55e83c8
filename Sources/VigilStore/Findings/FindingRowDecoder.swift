import Foundation
import GRDB

/// Reads findings from rows by column, for listings and exports that read
/// many of them: the record's Codable path maps every column name from
/// snake_case on every row, which dominated a large export.
struct FindingRowDecoder {
    private let evidenceDecoder = JSONDecoder()

    func finding(_ row: Row) throws -> FindingRecord {
        let severityText: String = row["severity"]
        let stateText: String = row["state"]
        let labelText: String? = row["label"]
        let kindText: String = row["kind"]
        let evidenceText: String = row["evidence"]
        let pullRequestText: String? = row["closed_pull_request"]
        guard let severity = Severity(rawValue: severityText), let state = FindingRecord.State(rawValue: stateText),
              let kind = FindingKind(rawValue: kindText)
        else {
            throw StoreError("finding \(row["id"] as Int64? ?? 0) has an unknown severity, kind or state", isBadInput: false)
        }
        return FindingRecord(
            id: row["id"], itemId: row["item_id"], personId: row["person_id"], hostility: row["hostility"],
            agent: row["agent"], attack: row["attack"], severity: severity, kind: kind,
            relatedFindingId: row["related_finding_id"],
            closedPullRequest: try pullRequestText.map { try ClosedPullRequest.jsonDecoder.decode(ClosedPullRequest.self, from: Data($0.utf8)) },
            evidence: try evidenceDecoder.decode([Evidence].self, from: Data(evidenceText.utf8)),
            modelVersion: row["model_version"], state: state, label: labelText.flatMap(FindingRecord.Label.init(rawValue:)),
            createdAt: row["created_at"], updatedAt: row["updated_at"])
    }
}
