import Foundation

/// Reads findings from rows by column, for listings and exports that read
/// many of them: the record's Codable path maps every column name from
/// snake_case on every row, which dominated a large export.
struct FindingRowDecoder {
    private let evidenceDecoder = JSONDecoder()

    func finding(_ row: SQLRow) throws -> FindingRecord {
        let severityText = try row.get("severity", as: String.self)
        let stateText = try row.get("state", as: String.self)
        let labelText = try row.get("label", as: String?.self)
        let kindText = try row.get("kind", as: String.self)
        let evidenceText = try row.get("evidence", as: String.self)
        let pullRequestText = try row.get("closed_pull_request", as: String?.self)
        guard let severity = Severity(rawValue: severityText), let state = FindingRecord.State(rawValue: stateText),
              let kind = FindingKind(rawValue: kindText)
        else {
            throw StoreError("finding \((try? row.get("id", as: Int64.self)) ?? 0) has an unknown severity, kind or state", isBadInput: false)
        }
        return FindingRecord(
            id: try row.get("id", as: Int64.self), itemId: try row.get("item_id"), personId: try row.get("person_id"),
            hostility: try row.get("hostility"), agent: try row.get("agent"), attack: try row.get("attack"),
            severity: severity, kind: kind, relatedFindingId: try row.get("related_finding_id", as: Int64?.self),
            closedPullRequest: try pullRequestText.map { try ClosedPullRequest.jsonDecoder.decode(ClosedPullRequest.self, from: Data($0.utf8)) },
            evidence: try evidenceDecoder.decode([Evidence].self, from: Data(evidenceText.utf8)),
            modelVersion: try row.get("model_version"), state: state, label: labelText.flatMap(FindingRecord.Label.init(rawValue:)),
            createdAt: try row.get("created_at"), updatedAt: try row.get("updated_at"))
    }
}
