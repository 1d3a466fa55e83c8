import VigilStore

/// The findings list: the filter form, one row per finding, and links to
/// the pages before and after.
enum FindingsListPage {
    struct Choices {
        var people: [String]
        var teams: [String]
    }

    static func render(
        findings: [FindingListing], hasNextPage: Bool, query: FindingsQuery, choices: Choices, notice: String?,
        session: SignedInUser
    ) -> HTML {
        PageLayout.page(title: "Findings", session: session) {
            HTML.element("h1") { "Findings" }
            filterForm(query: query, choices: choices)
            if let notice {
                HTML.element("p", ["class": "error", "role": "alert"]) { notice }
            }
            if findings.isEmpty {
                HTML.element("p") { "No findings match." }
            } else {
                table(findings)
            }
            HTML.element("nav", ["class": "pages"]) {
                if query.page > 1 {
                    HTML.element("a", ["href": query.link(page: query.page - 1), "rel": "prev"]) { "← Previous" }
                }
                HTML.element("span") { "Page \(query.page)" }
                if hasNextPage {
                    HTML.element("a", ["href": query.link(page: query.page + 1), "rel": "next"]) { "Next →" }
                }
            }
        }
    }

    private static func filterForm(query: FindingsQuery, choices: Choices) -> HTML {
        HTML.element("form", ["method": "get", "action": "/findings", "class": "filters"]) {
            select("person", label: "Person", options: choices.people, selected: query.person)
            select("team", label: "Team", options: choices.teams, selected: query.team)
            select("kind", label: "Kind", options: FindingKind.allCases.map(\.rawValue), selected: query.kind?.rawValue)
            select("severity", label: "Severity", options: Severity.allCases.map(\.rawValue), selected: query.severity?.rawValue)
            select("state", label: "State", options: FindingRecord.State.allCases.map(\.rawValue), selected: query.state?.rawValue)
            select("label", label: "Label", options: FindingRecord.Label.allCases.map(\.rawValue), selected: query.label?.rawValue)
            HTML.element("label") {
                "Feed #"
                HTML.void("input", ["type": "number", "name": "feed", "min": "1", "value": query.feed.map(String.init) ?? ""])
            }
            HTML.element("label") {
                "Since"
                HTML.void("input", ["type": "date", "name": "since", "value": query.since ?? ""])
            }
            HTML.element("label") {
                "Until"
                HTML.void("input", ["type": "date", "name": "until", "value": query.until ?? ""])
            }
            select("sort", label: "Sort", options: FindingOrder.allCases.map(\.rawValue), selected: query.sort.rawValue, any: false)
            HTML.element("button", ["type": "submit"]) { "Filter" }
        }
    }

    private static func select(_ name: String, label: String, options: [String], selected: String?, any: Bool = true) -> HTML {
        HTML.element("label") {
            label
            HTML.element("select", ["name": name]) {
                if any {
                    HTML.element("option", ["value": ""]) { "any" }
                }
                for option in options {
                    HTML.element("option", [
                        "value": option, "selected": option.caseInsensitiveCompare(selected ?? "") == .orderedSame ? "" : nil,
                    ]) { option }
                }
            }
        }
    }

    private static func table(_ findings: [FindingListing]) -> HTML {
        HTML.element("table", ["class": "findings"]) {
            HTML.element("thead") {
                HTML.element("tr") {
                    for heading in ["ID", "Found", "Person", "Severity", "Kind", "State", "Title", "Feed"] {
                        HTML.element("th", ["scope": "col"]) { heading }
                    }
                }
            }
            HTML.element("tbody") {
                for listing in findings {
                    let finding = listing.finding
                    HTML.element("tr", ["class": "severity-\(finding.severity.rawValue)"]) {
                        HTML.element("td") {
                            HTML.element("a", ["href": "/findings/\(finding.id ?? 0)"]) { "#\(finding.id ?? 0)" }
                        }
                        HTML.element("td") { Display.date(finding.createdAt) }
                        HTML.element("td") { listing.personName }
                        HTML.element("td") { finding.severity.rawValue }
                        HTML.element("td") { finding.kind.rawValue }
                        HTML.element("td") { finding.state.rawValue + (finding.label.map { ", " + $0.rawValue } ?? "") }
                        HTML.element("td") {
                            HTML.element("a", ["href": "/findings/\(finding.id ?? 0)"]) {
                                Display.feedText(listing.itemTitle, placeholder: "(untitled)")
                            }
                        }
                        HTML.element("td") { Display.feedText(listing.feedTitle ?? listing.feedURL) }
                    }
                }
            }
        }
    }
}
