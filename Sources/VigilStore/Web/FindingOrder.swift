/// The orders a findings listing can come in. Each ends on the finding's ID,
/// so paging through an order never skips or repeats a finding.
public enum FindingOrder: String, Sendable, CaseIterable {
    /// Most recently found first: the default, what is new at the top.
    case newest
    case oldest
    /// Highest severity first, then newest.
    case severity
    /// Most likely agent-written first, then newest.
    case agent

    /// The ORDER BY terms over the findings table as `f`.
    var sql: String {
        switch self {
        case .newest: "f.created_at DESC, f.id DESC"
        case .oldest: "f.created_at ASC, f.id ASC"
        case .severity:
            "CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END DESC, f.created_at DESC, f.id DESC"
        case .agent: "f.agent DESC, f.created_at DESC, f.id DESC"
        }
    }
}
