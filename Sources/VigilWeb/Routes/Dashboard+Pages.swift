import Foundation
import Hummingbird
import VigilDigest
import VigilStore

extension Dashboard {
    /// Every feed's health; feeds are not anyone's, so every user sees them all.
    func feeds(_ request: Request, context: DashboardContext) throws -> Response {
        guard let session = try session(of: request) else { return PageResponse.redirect(to: "/login") }
        let changes = session.user.isAdmin ? try store.administrationLog(limit: 50).filter { $0.action.hasPrefix("feed") } : []
        return PageResponse.html(FeedsPage.render(feeds: try store.feedHealth(), changes: changes, session: session))
    }

    /// The people and teams the user may see, under the same rule as the findings.
    func people(_ request: Request, context: DashboardContext) throws -> Response {
        guard let session = try session(of: request) else { return PageResponse.redirect(to: "/login") }
        let people = try store.people().filter { session.maySee(personTeams: $0.teams) }
        let overview = try store.personOverview(visibleTeams: session.user.visibleTeams)
        let changes = session.user.isAdmin ? try store.administrationLog(limit: 50).filter { $0.action.hasPrefix("person") } : []
        return PageResponse.html(PeoplePage.render(
            people: people, overview: overview, teams: visibleTeamNames(session, peopleTeams: people.map(\.teams)), changes: changes,
            session: session))
    }

    /// The digest of the week holding `week` (the last full week when absent),
    /// for one of the user's teams, or for everyone when an admin asks.
    func digest(_ request: Request, context: DashboardContext) throws -> Response {
        guard let session = try session(of: request) else { return PageResponse.redirect(to: "/login") }
        let fields = FormFields(encoded: request.uri.query ?? "")
        let now = Date()
        let people = try store.people().filter { session.maySee(personTeams: $0.teams) }
        let teams = visibleTeamNames(session, peopleTeams: people.map(\.teams))
        var choice = DigestPage.Choice(
            week: UTCCalendar.weekStart(of: now).addingTimeInterval(-UTCCalendar.secondsPerWeek), team: nil, teams: teams,
            everyoneAllowed: session.user.isAdmin)
        if let text = fields["week"] {
            guard let day = UTCCalendar.day(text) else { return badRequest("week must be a date written YYYY-MM-DD.", session) }
            choice.week = UTCCalendar.weekStart(of: day)
        }
        if let team = fields["team"] {
            guard let known = teams.first(where: { $0.caseInsensitiveCompare(team) == .orderedSame }) else {
                return badRequest("team must be one of the teams you can see.", session)
            }
            choice.team = known
        } else if !session.user.isAdmin {
            choice.team = session.user.teams.first
        }
        guard session.user.isAdmin || choice.team != nil else {
            return PageResponse.html(DigestPage.render(choice: choice, digestMarkup: nil, notice: "You are in no team.", session: session))
        }
        let period = DigestPeriod(start: choice.week, end: choice.week.addingTimeInterval(UTCCalendar.secondsPerWeek))
        let digest: Digest
        do {
            digest = try DigestBuilder(store: store, timeZone: UTCCalendar.calendar.timeZone)
                .build(scope: choice.team.map(FindingScope.team) ?? .all, periods: period.withPreceding(Trend.weeks - 1), now: now)
        } catch let error as StoreError where error.isBadInput {
            return PageResponse.html(DigestPage.render(
                choice: choice, digestMarkup: nil, notice: "Nobody in team \(choice.team ?? "") is watched yet.", session: session))
        }
        let markup = DigestEmbedding.markup(ofDocument: try DigestFormat.html.render(digest))
        return PageResponse.html(DigestPage.render(choice: choice, digestMarkup: markup, notice: nil, session: session))
    }

    func badRequest(_ message: String, _ session: SignedInUser?) -> Response {
        PageResponse.html(PageLayout.message(title: "Bad request", text: message, session: session), status: .badRequest)
    }
}
