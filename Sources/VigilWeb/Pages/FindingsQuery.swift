import VigilStore

/// The findings list's filters and page as the query string gives them.
/// Values that are not one of the known kinds, severities or states are
/// ignored rather than refused: a hand-edited link still shows a list.
struct FindingsQuery: Sendable, Equatable {
    static let pageSize = 50

    var person: String?
    var team: String?
    var kind: FindingKind?
    var severity: Severity?
    var state: FindingRecord.State?
    var page: Int = 1

    init(person: String? = nil, team: String? = nil, kind: FindingKind? = nil, severity: Severity? = nil,
         state: FindingRecord.State? = nil, page: Int = 1) {
        self.person = person
        self.team = team
        self.kind = kind
        self.severity = severity
        self.state = state
        self.page = page
    }

    init(_ fields: FormFields) {
        person = fields["person"]
        team = fields["team"]
        kind = fields["kind"].flatMap(FindingKind.init(rawValue:))
        severity = fields["severity"].flatMap(Severity.init(rawValue:))
        state = fields["state"].flatMap(FindingRecord.State.init(rawValue:))
        page = min(max(fields["page"].flatMap { Int($0) } ?? 1, 1), 100_000)
    }

    /// The store filter for this page, limited to what `visibleTeams` may see,
    /// asking one finding more than a page holds to learn whether another page follows.
    func filter(visibleTeams: [String]?) -> FindingFilter {
        var filter = FindingFilter(
            person: person, team: team, severity: severity, kinds: kind.map { [$0] } ?? [], state: state,
            limit: Self.pageSize + 1)
        filter.offset = (page - 1) * Self.pageSize
        filter.visibleTeams = visibleTeams
        return filter
    }

    /// The list's address with these filters on page `page`.
    func link(page: Int) -> String {
        "/findings" + QueryString.make([
            ("person", person), ("team", team), ("kind", kind?.rawValue), ("severity", severity?.rawValue),
            ("state", state?.rawValue), ("page", page > 1 ? String(page) : nil),
        ])
    }
}
