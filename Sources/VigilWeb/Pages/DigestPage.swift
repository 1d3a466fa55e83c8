import Foundation

/// A week's digest inside the dashboard: a form to pick the week (and the
/// team, for someone who may see more than one), links to the weeks on
/// either side, and the HTML digest itself, as e-mail readers get it but
/// styled by the dashboard's stylesheet.
enum DigestPage {
    struct Choice {
        /// Monday of the week shown.
        var week: Date
        /// The team shown, or nil for everyone (an admin's default).
        var team: String?
        /// The teams that may be picked; an admin may also pick nobody (everyone).
        var teams: [String]
        var everyoneAllowed: Bool

        func link(week: Date) -> String {
            "/digest" + QueryString.make([("week", UTCCalendar.dayText(week)), ("team", team)])
        }
    }

    static func render(choice: Choice, digestMarkup: String?, notice: String?, session: SignedInUser) -> HTML {
        let end = choice.week.addingTimeInterval(UTCCalendar.secondsPerWeek - 86400)
        return PageLayout.page(title: "Digest of the week of \(UTCCalendar.dayText(choice.week))", session: session) {
            HTML.element("h1") { "Digest: \(UTCCalendar.dayText(choice.week)) to \(UTCCalendar.dayText(end))" }
            HTML.element("form", ["method": "get", "action": "/digest", "class": "filters"]) {
                HTML.element("label") {
                    "Any day of the week"
                    HTML.void("input", ["type": "date", "name": "week", "value": UTCCalendar.dayText(choice.week)])
                }
                if choice.teams.count > 1 || (choice.everyoneAllowed && !choice.teams.isEmpty) {
                    HTML.element("label") {
                        "Team"
                        HTML.element("select", ["name": "team"]) {
                            if choice.everyoneAllowed {
                                HTML.element("option", ["value": ""]) { "everyone" }
                            }
                            for team in choice.teams {
                                HTML.element("option", [
                                    "value": team, "selected": team.caseInsensitiveCompare(choice.team ?? "") == .orderedSame ? "" : nil,
                                ]) { team }
                            }
                        }
                    }
                }
                HTML.element("button", ["type": "submit"]) { "Show" }
            }
            HTML.element("nav", ["class": "pages"]) {
                HTML.element("a", ["href": choice.link(week: choice.week.addingTimeInterval(-UTCCalendar.secondsPerWeek)), "rel": "prev"]) {
                    "← Week before"
                }
                HTML.element("a", ["href": choice.link(week: choice.week.addingTimeInterval(UTCCalendar.secondsPerWeek)), "rel": "next"]) {
                    "Week after →"
                }
            }
            if let notice {
                HTML.element("p") { notice }
            }
            if let digestMarkup {
                HTML.element("div", ["class": "digest"]) { HTML.prerendered(digestMarkup) }
            }
        }
    }
}
