/// A change of `related_finding_id` that a `PollPlan` asks for, applied in order after its findings.
public enum PlannedRelation: Sendable, Equatable {
    /// Points `finding` at `relatedFinding`, or at nothing.
    case set(finding: Int64, to: Int64?)
    /// Points every finding that points at `finding` at nothing.
    case clearAll(to: Int64)
}
