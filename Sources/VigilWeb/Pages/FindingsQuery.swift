import Foundation
import VigilStore

/// The findings list's filters, order and page as the query string gives
/// them. A value that is not one the list knows (a kind, a date, a sort
/// order) is refused with what was wrong, rather than silently dropped: a
/// list that ignored a filter would look like an answer.
struct FindingsQuery: Sendable, Equatable {
    static let pageSize = 50

    /// A query parameter the list cannot read, in one line for the reader.
    struct Invalid: Error, Equatable {
        let message: String
    }

    var person: String?
    var team: String?
    var kind: FindingKind?
    var severity: Severity?
    var state: FindingRecord.State?
    var label: FindingRecord.Label?
    var feed: Int64?
    /// The first day shown, `YYYY-MM-DD` in UTC.
    var since: String?
    /// The last day shown, included.
    var until: String?
    var sort: FindingOrder = .newest
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

    init(_ fields: FormFields) throws(Invalid) {
        person = fields["person"]
        team = fields["team"]
        kind = try Self.choice(fields, "kind", FindingKind.allCases.map(\.rawValue)).flatMap(FindingKind.init(rawValue:))
        severity = try Self.choice(fields, "severity", Severity.allCases.map(\.rawValue)).flatMap(Severity.init(rawValue:))
        state = try Self.choice(fields, "state", FindingRecord.State.allCases.map(\.rawValue)).flatMap(FindingRecord.State.init(rawValue:))
        label = try Self.choice(fields, "label", FindingRecord.Label.allCases.map(\.rawValue)).flatMap(FindingRecord.Label.init(rawValue:))
        sort = try Self.choice(fields, "sort", FindingOrder.allCases.map(\.rawValue)).flatMap(FindingOrder.init(rawValue:)) ?? .newest
        if let text = fields["feed"] {
            guard let id = Int64(text), id > 0 else { throw Invalid(message: "feed must be a feed's number, as the feeds page lists it.") }
            feed = id
        }
        for (name, value) in [("since", fields["since"]), ("until", fields["until"])] {
            guard let value else { continue }
            guard UTCCalendar.day(value) != nil else { throw Invalid(message: "\(name) must be a date written YYYY-MM-DD.") }
        }
        since = fields["since"]
        until = fields["until"]
        if let start = since.flatMap(UTCCalendar.day), let end = until.flatMap(UTCCalendar.day), start > end {
            throw Invalid(message: "since is after until: no day is in between.")
        }
        if let text = fields["page"] {
            guard let number = Int(text), number >= 1, number <= 100_000 else {
                throw Invalid(message: "page must be a number from 1 to 100000.")
            }
            page = number
        }
    }

    /// The value of `name` when it is one of `allowed` (any case), nil when absent.
    private static func choice(_ fields: FormFields, _ name: String, _ allowed: [String]) throws(Invalid) -> String? {
        guard let value = fields[name] else { return nil }
        guard let known = allowed.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) else {
            throw Invalid(message: "\(name) must be one of \(allowed.joined(separator: ", ")).")
        }
        return known
    }

    /// The store filter for this page, limited to what `visibleTeams` may see,
    /// asking one finding more than a page holds to learn whether another page follows.
    func filter(visibleTeams: [String]?) -> FindingFilter {
        var filter = FindingFilter(
            person: person, team: team, severity: severity, kinds: kind.map { [$0] } ?? [], state: state, label: label,
            since: since.flatMap(UTCCalendar.day),
            until: until.flatMap(UTCCalendar.day).map { $0.addingTimeInterval(86400) },
            limit: Self.pageSize + 1)
        filter.feedID = feed
        filter.order = sort
        filter.offset = (page - 1) * Self.pageSize
        filter.visibleTeams = visibleTeams
        return filter
    }

    /// The list's address with these filters and order on page `page`.
    func link(page: Int) -> String {
        "/findings" + QueryString.make([
            ("person", person), ("team", team), ("kind", kind?.rawValue), ("severity", severity?.rawValue),
            ("state", state?.rawValue), ("label", label?.rawValue), ("feed", feed.map(String.init)), ("since", since),
            ("until", until), ("sort", sort == .newest ? nil : sort.rawValue), ("page", page > 1 ? String(page) : nil),
        ])
    }
}
