import VigilStore

/// The watched people a user may see and their teams: the names and handles
/// vigil matches, what was found about each, and links to their findings.
/// An admin also adds and removes people here, and sees who changed what.
enum PeoplePage {
    static func render(
        people: [PersonEntry], overview: [PersonOverview], teams: [String], changes: [AuditEntry], session: SignedInUser
    ) -> HTML {
        let counts = Dictionary(overview.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return PageLayout.page(title: "People and teams", session: session) {
            HTML.element("h1") { "People and teams" }
            HTML.element("h2") { "Teams" }
            if teams.isEmpty {
                HTML.element("p") { session.user.isAdmin ? "No team has anyone in it yet." : "You are in no team." }
            } else {
                HTML.element("table", ["class": "teams"]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for heading in ["Team", "People", "Open attacks", "Attacks"] {
                                HTML.element("th", ["scope": "col"]) { heading }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for team in teams {
                            let members = people.filter { $0.teams.contains { $0.caseInsensitiveCompare(team) == .orderedSame } }
                            let memberCounts = members.compactMap { counts[$0.person.name] }
                            HTML.element("tr") {
                                HTML.element("td") {
                                    HTML.element("a", ["href": "/findings" + QueryString.make([("team", team)])]) { team }
                                }
                                HTML.element("td") { members.isEmpty ? "nobody yet" : members.map(\.person.name).joined(separator: ", ") }
                                HTML.element("td", ["class": "number"]) { String(memberCounts.map(\.openAttacks).reduce(0, +)) }
                                HTML.element("td", ["class": "number"]) { String(memberCounts.map(\.attacks).reduce(0, +)) }
                            }
                        }
                    }
                }
            }
            HTML.element("h2") { "People" }
            if people.isEmpty {
                HTML.element("p") { session.user.isAdmin ? "Nobody is watched yet." : "Nobody in your teams is watched yet." }
            } else {
                HTML.element("table", ["class": "people"]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            for heading in ["Person", "Teams", "Also known as", "Handles", "Projects", "Open attacks", "Findings"] {
                                HTML.element("th", ["scope": "col"]) { heading }
                            }
                        }
                    }
                    HTML.element("tbody") {
                        for entry in people {
                            row(entry, counts: counts[entry.person.name], session: session)
                        }
                    }
                }
            }
            if session.user.isAdmin {
                HTML.element("h2") { "Watch someone" }
                HTML.element("form", ["method": "post", "action": "/people/add", "class": "manage"]) {
                    PageLayout.csrfField(session.csrfToken)
                    for (label, name, required) in [("Name", "name", true), ("Also known as", "aliases", false),
                                                    ("Handles", "handles", false), ("Teams", "teams", false)] {
                        HTML.element("label") {
                            label + " "
                            HTML.void("input", ["type": "text", "name": name, "required": required ? "" : nil, "size": "24"])
                        }
                    }
                    HTML.element("button", ["type": "submit"]) { "Watch" }
                }
                HTML.element("p") { "Separate several aliases, handles or teams with commas. People declared in the config file are changed there." }
            }
            ChangesList.render(changes, session: session)
        }
    }

    private static func row(_ entry: PersonEntry, counts: PersonOverview?, session: SignedInUser) -> HTML {
        let person = entry.person
        let total = (counts?.attacks ?? 0) + (counts?.coverage ?? 0) + (counts?.mentions ?? 0)
        return HTML.element("tr", ["class": (counts?.openAttacks ?? 0) > 0 ? "open" : nil]) {
            HTML.element("td") {
                HTML.element("a", ["href": "/findings" + QueryString.make([("person", person.name)])]) { person.name }
            }
            HTML.element("td") { entry.teams.isEmpty ? "—" : entry.teams.joined(separator: ", ") }
            HTML.element("td") { person.aliases.isEmpty ? "—" : person.aliases.joined(separator: ", ") }
            HTML.element("td") { person.handles.isEmpty ? "—" : person.handles.joined(separator: ", ") }
            HTML.element("td") { person.projects.isEmpty ? "—" : person.projects.joined(separator: ", ") }
            HTML.element("td", ["class": "number"]) { String(counts?.openAttacks ?? 0) }
            HTML.element("td", ["class": "number"]) {
                String(total)
                if session.user.isAdmin, !person.managedByConfig, let id = person.id {
                    HTML.element("form", ["method": "post", "action": "/people/\(id)/remove", "class": "remove"]) {
                        PageLayout.csrfField(session.csrfToken)
                        HTML.element("button", ["type": "submit"]) { "Stop watching" }
                    }
                }
            }
        }
    }
}
