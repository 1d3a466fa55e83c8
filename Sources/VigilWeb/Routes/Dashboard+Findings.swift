import Foundation
import Hummingbird
import VigilStore

extension Dashboard {
    func overview(_ request: Request, context: DashboardContext) throws -> Response {
        guard let session = try session(of: request) else { return PageResponse.redirect(to: "/login") }
        let people = try store.personOverview(visibleTeams: session.user.visibleTeams)
        let boundaries = UTCCalendar.weekBoundaries(count: Trend.weeks, endingAt: Date())
        let trend = Trend(boundaries: boundaries, byPerson: try store.attackAndCoverageTrend(boundaries: boundaries))
        return PageResponse.html(OverviewPage.render(
            people: people, teams: visibleTeamNames(session, peopleTeams: people.map(\.teams)), trend: trend, session: session))
    }

    /// The list, narrowed to the user's teams before any filter applies. A
    /// person or team outside them reads as unknown, as a typo would; a
    /// value the list cannot read is refused with a 400 that says which.
    func findingsList(_ request: Request, context: DashboardContext) throws -> Response {
        guard let session = try session(of: request) else { return PageResponse.redirect(to: "/login") }
        let query: FindingsQuery
        do {
            query = try FindingsQuery(FormFields(encoded: request.uri.query ?? ""))
        } catch {
            return PageResponse.html(PageLayout.message(title: "Bad filter", text: error.message, session: session), status: .badRequest)
        }
        // The choices need names only: counting everyone's findings here
        // would cost the list a scan of the whole table on every page.
        let people = try store.people().filter { session.maySee(personTeams: $0.teams) }
        let teams = visibleTeamNames(session, peopleTeams: people.map(\.teams))
        let choices = FindingsListPage.Choices(people: people.map(\.person.name), teams: teams)
        var notice: String?
        if let person = query.person, !choices.people.contains(where: { $0.caseInsensitiveCompare(person) == .orderedSame }) {
            notice = "Nobody you can see is watched under that name."
        } else if let team = query.team, !choices.teams.contains(where: { $0.caseInsensitiveCompare(team) == .orderedSame }) {
            notice = "You cannot see a team of that name."
        }
        var findings: [FindingListing] = []
        if notice == nil {
            do {
                findings = try store.findings(matching: query.filter(visibleTeams: session.user.visibleTeams))
            } catch let error as StoreError where error.isBadInput {
                notice = error.message
            }
        }
        let hasNextPage = findings.count > FindingsQuery.pageSize
        return PageResponse.html(FindingsListPage.render(
            findings: Array(findings.prefix(FindingsQuery.pageSize)), hasNextPage: hasNextPage, query: query, choices: choices,
            notice: notice, session: session))
    }

    /// The teams a user may pick: an admin's are those of everyone watched.
    func visibleTeamNames(_ session: SignedInUser, peopleTeams: [[String]]) -> [String] {
        session.user.isAdmin
            ? Array(Set(peopleTeams.joined())).sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
            : session.user.teams
    }

    func finding(_ request: Request, context: DashboardContext) throws -> Response {
        guard let session = try session(of: request) else { return PageResponse.redirect(to: "/login") }
        guard let detail = try visibleFinding(context, session: session) else { return notFound(session) }
        let history = try store.auditLog(findingID: detail.finding.id!)
        return PageResponse.html(FindingPage.render(
            detail: detail, sourcePrior: settings.explainSourcePrior?(detail), history: history, session: session))
    }

    func acknowledge(_ request: Request, context: DashboardContext) async throws -> Response {
        switch try await checkedPost(request) {
        case .failure(let refused):
            return refused.response
        case .success(let (session, _)):
            guard let detail = try visibleFinding(context, session: session),
                  try store.acknowledgeFinding(detail.finding.id!, by: session.user.name)
            else { return notFound(session) }
            return PageResponse.redirect(to: "/findings/\(detail.finding.id!)")
        }
    }

    func label(_ request: Request, context: DashboardContext) async throws -> Response {
        switch try await checkedPost(request) {
        case .failure(let refused):
            return refused.response
        case .success(let (session, fields)):
            guard let detail = try visibleFinding(context, session: session) else { return notFound(session) }
            guard let label = fields["label"].flatMap(FindingRecord.Label.init(rawValue:)) else {
                return PageResponse.html(
                    PageLayout.message(title: "Bad label", text: "Choose one of the labels offered.", session: session),
                    status: .badRequest)
            }
            let note = fields["note"].map { String($0.prefix(1000)) }
            guard try store.labelFinding(detail.finding.id!, as: label, note: note, by: session.user.name) else {
                return notFound(session)
            }
            return PageResponse.redirect(to: "/findings/\(detail.finding.id!)")
        }
    }

    /// The finding the path names, when it exists and the user may see it;
    /// one outside their teams is as absent as one that never was.
    private func visibleFinding(_ context: DashboardContext, session: SignedInUser) throws -> FindingDetail? {
        guard let id = context.parameters.get("id", as: Int64.self), let detail = try store.findingDetail(id: id),
              session.maySee(personTeams: detail.teams)
        else { return nil }
        return detail
    }
}
