import Foundation
import VigilStore
import VigilText

/// One finding: what was said and where, the scores and the evidence behind
/// them (each evidence sentence marked in its paragraph, the source prior),
/// the closed pull request the author's trail leads to, what users have
/// done about it, and the triage forms.
enum FindingPage {
    static func render(detail: FindingDetail, sourcePrior: String? = nil, history: [AuditEntry], session: SignedInUser) -> HTML {
        let finding = detail.finding
        let id = finding.id ?? 0
        return PageLayout.page(title: "Finding #\(id)", session: session) {
            HTML.element("h1") {
                "Finding #\(id): "
                Display.feedText(detail.item.title, placeholder: "(untitled)")
            }
            HTML.element("dl", ["class": "facts"]) {
                fact("Person") { detail.person.name + (detail.teams.isEmpty ? "" : " (" + detail.teams.joined(separator: ", ") + ")") }
                fact("Severity") { finding.severity.rawValue }
                fact("Kind") { finding.kind.rawValue }
                fact("State") { finding.state.rawValue }
                fact("Label") { finding.label?.rawValue ?? "—" }
                fact("Found") { Display.date(finding.createdAt) }
                fact("Item") { Display.feedLink(detail.item.url, text: detail.item.title ?? detail.item.url) }
                fact("Author") { Display.feedText(detail.item.author) }
                if let published = detail.item.publishedAt {
                    fact("Published") { Display.date(published) }
                }
                fact("Feed") {
                    if let title = detail.feed.title {
                        Display.feedText(title) + " "
                    }
                    HTML.element("code") { Display.feedURL(detail.feed.url) }
                }
            }
            HTML.element("h2") { "Scores" }
            HTML.element("dl", ["class": "scores"]) {
                fact("Attack") { Display.score(finding.attack) }
                fact("Hostility") { Display.score(finding.hostility) }
                fact("Agent") { Display.score(finding.agent) }
                if let sourcePrior {
                    fact("Source prior") { Display.feedText(sourcePrior) }
                }
                fact("Model") { finding.modelVersion }
            }
            if let pull = finding.closedPullRequest {
                HTML.element("h2") { "Closed pull request" }
                HTML.element("p", ["class": "pull-request"]) {
                    Display.feedLink(pull.url, text: "\(pull.repo)#\(pull.number): \(pull.title)")
                    " by \(Display.feedText(pull.author)), closed by \(Display.feedText(pull.closedBy)) on \(Display.date(pull.closedAt))"
                }
            }
            if let related = detail.related {
                HTML.element("p") {
                    "Related \(related.kind.rawValue): "
                    HTML.element("a", ["href": "/findings/\(related.id)"]) {
                        "#\(related.id) " + Display.feedText(related.title, placeholder: "(untitled)")
                    }
                }
            }
            HTML.element("h2") { "Evidence" }
            if finding.evidence.isEmpty {
                HTML.element("p") { "No sentence stood out." }
            } else {
                HTML.element("ol", ["class": "evidence"]) {
                    for sentence in finding.evidence {
                        HTML.element("li", ["class": sentence.kind.rawValue]) {
                            HTML.element("span", ["class": "evidence-kind"]) { "\(sentence.kind.rawValue) \(Display.score(sentence.score))" }
                            HTML.element("blockquote") {
                                inParagraph(sentence.text, of: detail.item.text) ?? HTML(Display.feedText(sentence.text))
                            }
                        }
                    }
                }
            }
            HTML.element("h2") { "Triage" }
            triage(finding: finding, session: session)
            HTML.element("h2") { "History" }
            if history.isEmpty {
                HTML.element("p") { "Nobody has acted on this finding yet." }
            } else {
                HTML.element("ul", ["class": "history"]) {
                    for entry in history {
                        HTML.element("li") {
                            "\(Display.date(entry.at)) \(entry.userName): \(entry.action)"
                            + (entry.detail.map { " (\($0))" } ?? "")
                        }
                    }
                }
            }
        }
    }

    private static func triage(finding: FindingRecord, session: SignedInUser) -> HTML {
        let id = finding.id ?? 0
        return HTML.element("div", ["class": "triage"]) {
            if finding.state == .new {
                HTML.element("form", ["method": "post", "action": "/findings/\(id)/ack"]) {
                    PageLayout.csrfField(session.csrfToken)
                    HTML.element("button", ["type": "submit"]) { "Acknowledge" }
                }
            }
            HTML.element("form", ["method": "post", "action": "/findings/\(id)/label"]) {
                PageLayout.csrfField(session.csrfToken)
                HTML.element("label") {
                    "Label "
                    HTML.element("select", ["name": "label"]) {
                        for label in FindingRecord.Label.allCases {
                            HTML.element("option", ["value": label.rawValue, "selected": finding.label == label ? "" : nil]) {
                                label.rawValue
                            }
                        }
                    }
                }
                HTML.element("label") {
                    "Note "
                    HTML.element("textarea", ["name": "note", "rows": "2", "maxlength": "1000"]) { "" }
                }
                HTML.element("button", ["type": "submit"]) { "Save label" }
            }
        }
    }

    /// The paragraph of `text` that holds `sentence`, with the sentence
    /// marked and at most `context` characters kept on each side; nil when
    /// the stored text no longer holds it as written.
    static func inParagraph(_ sentence: String, of text: String?, context: Int = 300) -> HTML? {
        let wanted = UntrustedText.plain(sentence)
        guard let text, !wanted.isEmpty else { return nil }
        for line in text.components(separatedBy: "\n") {
            let paragraph = UntrustedText.plain(line)
            guard let range = paragraph.range(of: wanted) else { continue }
            let before = paragraph[..<range.lowerBound], after = paragraph[range.upperBound...]
            let lead = before.count > context ? "…" + before.suffix(context) : String(before)
            let tail = after.count > context ? after.prefix(context) + "…" : String(after)
            return HTML(lead) + HTML.element("mark") { wanted } + HTML(tail)
        }
        return nil
    }

    private static func fact(_ name: String, @HTMLBuilder value: () -> HTML) -> HTML {
        HTML.element("dt") { name } + HTML.element("dd") { value() }
    }
}
