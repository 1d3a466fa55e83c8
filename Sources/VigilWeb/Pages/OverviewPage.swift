import VigilStore

/// Who needs attention: each visible person, those with open attacks first,
/// with their attacks, coverage and mentions and a 12-week trend, and a
/// larger trend per team.
enum OverviewPage {
    static func render(people: [PersonOverview], teams: [String], trend: Trend, session: SignedInUser) -> HTML {
        PageLayout.page(title: "Overview", session: session) {
            HTML.element("h1") { "Overview" }
            if people.isEmpty {
                HTML.element("p") {
                    session.user.isAdmin
                        ? "Nobody is watched yet."
                        : "Nobody in your teams is watched yet."
                }
            } else {
                HTML.element("table", ["class": "overview"]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for heading in ["Person", "Teams", "Open attacks", "Attacks", "Coverage", "Mentions", "Latest attack", "12 weeks"] {
                                HTML.element("th", ["scope": "col"]) { heading }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for (index, person) in people.enumerated() {
                            row(person, trend: trend, index: index)
                        }
                    }
                }
                teamTrends(people: people, teams: teams, trend: trend)
            }
        }
    }

    private static func row(_ person: PersonOverview, trend: Trend, index: Int) -> HTML {
        HTML.element("tr", ["class": person.openAttacks > 0 ? "open" : nil]) {
            HTML.element("td") {
                HTML.element("a", ["href": "/findings" + QueryString.make([("person", person.name)])]) { person.name }
            }
            HTML.element("td") { person.teams.joined(separator: ", ") }
            HTML.element("td", ["class": "number"]) {
                HTML.element("a", ["href": FindingsQuery(person: person.name, kind: .attack, state: .new).link(page: 1)]) {
                    String(person.openAttacks)
                }
            }
            HTML.element("td", ["class": "number"]) { String(person.attacks) }
            HTML.element("td", ["class": "number"]) { String(person.coverage) }
            HTML.element("td", ["class": "number"]) { String(person.mentions) }
            HTML.element("td") { person.latestAttackAt.map(Display.date) ?? "—" }
            HTML.element("td", ["class": "trend"]) {
                trend.cellChart(
                    trend.counts(of: person.name), title: "Attacks and coverage about \(person.name) per week, last 12 weeks",
                    id: "trend-person-\(index)")
            }
        }
    }

    /// One chart per team, summed over its visible members.
    private static func teamTrends(people: [PersonOverview], teams: [String], trend: Trend) -> HTML {
        let members = teams.map { team in
            (team, people.filter { $0.teams.contains { $0.caseInsensitiveCompare(team) == .orderedSame } }.map(\.name))
        }.filter { !$0.1.isEmpty }
        guard !members.isEmpty else { return .empty }
        return HTML.element("section", ["class": "team-trends"]) {
            HTML.element("h2") { "Attacks and coverage per week, by team" }
            for (index, (team, names)) in members.enumerated() {
                HTML.element("figure") {
                    trend.chart(trend.counts(of: names), title: "Attacks and coverage about team \(team) per week, last 12 weeks", id: "trend-team-\(index)")
                    HTML.element("figcaption") {
                        HTML.element("a", ["href": "/findings" + QueryString.make([("team", team)])]) { "team \(team)" }
                        " (\(names.count) \(names.count == 1 ? "person" : "people"))"
                    }
                }
            }
        }
    }
}
