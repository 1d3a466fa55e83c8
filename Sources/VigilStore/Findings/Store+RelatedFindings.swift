import Foundation

extension Store {
    /// Points a finding at the finding it relates to (for coverage, the
    /// attack it covers), or at nothing. Both findings must exist.
    public func setRelatedFinding(_ findingID: Int64, to relatedID: Int64?) throws {
        try writing { session in try Self.setRelatedFinding(findingID, to: relatedID, in: session) }
    }

    static func setRelatedFinding(_ findingID: Int64, to relatedID: Int64?, in session: any SQLSession) throws {
        if let relatedID {
            guard relatedID != findingID else { throw StoreError.badInput("finding \(findingID) cannot relate to itself") }
            try requireFindings([relatedID], in: session)
        }
        guard try session.execute("UPDATE findings SET related_finding_id = ? WHERE id = ?", [relatedID, findingID]) > 0 else {
            throw StoreError.badInput("no finding with ID \(findingID)")
        }
    }
}
