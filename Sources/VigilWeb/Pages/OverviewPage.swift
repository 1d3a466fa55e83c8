import VigilStore

/// Who needs attention: each visible person, those with open attacks first,
/// with their attacks, coverage and mentions.
enum OverviewPage {
    static func render(people: [PersonOverview], session: SignedInUser) -> HTML {
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
                            for heading in ["Person", "Teams", "Open attacks", "Attacks", "Coverage", "Mentions", "Latest attack"] {
                                HTML.element("th", ["scope": "col"]) { heading }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for person in people {
                            row(person)
                        }
                    }
                }
            }
        }
    }

    private static func row(_ person: PersonOverview) -> HTML {
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
        }
    }
}
