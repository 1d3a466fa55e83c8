import Foundation

/// Which findings a triage listing or an export wants. Every field narrows;
/// an empty filter means every finding.
public struct FindingFilter: Sendable, Equatable {
    /// One finding by ID.
    public var id: Int64?
    public var person: String?
    public var team: String?
    /// Findings at or above this severity.
    public var minSeverity: Severity?
    /// Findings of exactly this severity.
    public var severity: Severity?
    /// Findings of any of these kinds; empty means every kind.
    public var kinds: [FindingKind]
    public var state: FindingRecord.State?
    public var label: FindingRecord.Label?
    /// Findings on items of this feed (its ID).
    public var feedID: Int64?
    /// Findings created at or after this time.
    public var since: Date?
    /// Findings created before this time.
    public var until: Date?
    public var limit: Int?
    /// How many of the matching findings to skip in `order` (a page of a listing).
    public var offset: Int?
    /// The order of a listing; an export is always in ID order.
    public var order: FindingOrder = .newest
    /// Only findings about people in at least one of these teams (names, any
    /// case; unknown ones match nobody): what a dashboard user may see. Nil
    /// means no such limit; an empty list means no finding at all.
    public var visibleTeams: [String]?

    public init(
        person: String? = nil, team: String? = nil, minSeverity: Severity? = nil, severity: Severity? = nil,
        kinds: [FindingKind] = [], state: FindingRecord.State? = nil, label: FindingRecord.Label? = nil, since: Date? = nil,
        until: Date? = nil, limit: Int? = nil, id: Int64? = nil
    ) {
        self.id = id
        self.person = person
        self.team = team
        self.minSeverity = minSeverity
        self.severity = severity
        self.kinds = kinds
        self.state = state
        self.label = label
        self.since = since
        self.until = until
        self.limit = limit
    }
}
