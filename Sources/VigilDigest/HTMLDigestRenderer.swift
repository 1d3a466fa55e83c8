import VigilText
import VigilStore

/// The digest as one self-contained HTML page that reads the same in a
/// browser and in an e-mail client: layout by tables, every style inline,
/// no script, no external resource. The trend is an inline SVG chart with
/// its numbers in a table beneath, for clients that drop SVG. Text from
/// feeds goes through `UntrustedText.html`; links only to http(s) URLs.
struct HTMLDigestRenderer {
    let digest: Digest

    private static let font = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif"
    private static let cell = "padding:6px 8px;border-bottom:1px solid #e2e8f0;font-size:13px;color:#0f172a"
    private static let headCell = "padding:6px 8px;border-bottom:2px solid #cbd5e1;font-size:11px;color:#475569;text-transform:uppercase;letter-spacing:0.04em"

    func render() -> String {
        let format = DigestFormatting(digest: digest)
        let esc = { (text: String) in UntrustedText.html(text) }
        let totals = digest.totals
        let previous = digest.previousTotals
        var html: [String] = []
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"en\">")
        html.append("<head>")
        html.append("<meta charset=\"utf-8\">")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.append("<meta name=\"color-scheme\" content=\"light\">")
        html.append("<title>vigil digest: \(esc(digest.scopeTitle)), \(esc(format.shortDate(digest.period.start))) – \(esc(format.shortDate(digest.period.end)))</title>")
        html.append("</head>")
        html.append("<body style=\"margin:0;padding:0;background:#f1f5f9;\(Self.font)\">")
        html.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f1f5f9\"><tr><td align=\"center\" style=\"padding:24px 12px\">")
        html.append("<table role=\"presentation\" width=\"680\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:680px;max-width:100%;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px\">")

        // Header.
        html.append("<tr><td style=\"padding:24px 28px 8px 28px\">")
        html.append("<div style=\"font-size:12px;color:#64748b;letter-spacing:0.08em;text-transform:uppercase\">vigil digest</div>")
        html.append("<h1 style=\"margin:4px 0 4px 0;font-size:22px;color:#0f172a\">\(esc(digest.scopeTitle))</h1>")
        html.append("<div style=\"font-size:13px;color:#475569\">\(esc(format.period(digest.period)))</div>")
        html.append("</td></tr>")

        // Summary cards.
        html.append("<tr><td style=\"padding:12px 20px\">")
        html.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>")
        html.append(Self.card("Mentions", "\(totals.mentions)", "previous \(previous.mentions), \(DigestFormatting.change(totals.mentions, previous.mentions))", color: "#0f172a"))
        html.append(Self.card("Hostile", "\(totals.hostile)", "previous \(previous.hostile), \(DigestFormatting.change(totals.hostile, previous.hostile))", color: totals.hostile > 0 ? "#b91c1c" : "#0f172a"))
        html.append(Self.card("By severity", "\(totals.high) · \(totals.medium) · \(totals.low)", "high · medium · low", color: "#0f172a"))
        html.append(Self.card("Agent-written", DigestFormatting.percent(totals.agentLikeHostile, of: totals.hostile), "\(totals.agentLikeHostile) of \(totals.hostile) hostile; \(totals.agentLike) of \(totals.mentions) mentions", color: "#6d28d9"))
        html.append("</tr></table>")
        html.append("</td></tr>")

        // Trend.
        if digest.history.count > 1 {
            html.append(Self.sectionHeading("Trend"))
            let labels = digest.history.map { format.shortDate($0.period.start) }
            html.append("<tr><td style=\"padding:0 28px 4px 28px\">")
            html.append(TrendChart(points: digest.history, labels: labels).svg())
            html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin-top:6px;font-size:11px;color:#475569\">")
            html.append("<tr><td style=\"padding:2px 6px 2px 0\">period from</td>" + labels.map { "<td align=\"right\" style=\"padding:2px 6px\">\(esc($0))</td>" }.joined() + "</tr>")
            html.append("<tr><td style=\"padding:2px 6px 2px 0\">mentions</td>" + digest.history.map { "<td align=\"right\" style=\"padding:2px 6px\">\($0.mentions)</td>" }.joined() + "</tr>")
            html.append("<tr><td style=\"padding:2px 6px 2px 0\">hostile</td>" + digest.history.map { "<td align=\"right\" style=\"padding:2px 6px;color:#b91c1c\">\($0.hostile)</td>" }.joined() + "</tr>")
            html.append("</table>")
            html.append("</td></tr>")
        }

        // Top findings.
        html.append(Self.sectionHeading("Top findings"))
        html.append("<tr><td style=\"padding:0 28px 8px 28px\">")
        if digest.topFindings.isEmpty {
            html.append("<p style=\"font-size:14px;color:#475569;margin:4px 0 12px 0\">No hostile findings in this period.</p>")
        }
        for finding in digest.topFindings {
            html.append(Self.findingBlock(finding))
        }
        html.append("</td></tr>")

        // People.
        html.append(Self.sectionHeading("People"))
        html.append("<tr><td style=\"padding:0 28px 8px 28px\">")
        if digest.people.isEmpty {
            html.append("<p style=\"font-size:14px;color:#475569;margin:4px 0\">No mentions of anyone in this period or the one before.</p>")
        } else {
            html.append(Self.countTable(firstHeader: "Person", rows: digest.people.map { (esc($0.name), $0.counts, $0.previous, $0.hostileHistory) }))
        }
        if digest.quietPeople > 0 {
            html.append("<p style=\"font-size:12px;color:#64748b;margin:6px 0 0 0\">\(DigestFormatting.plural(digest.quietPeople, "other person", "other people")) watched: no mentions.</p>")
        }
        html.append("</td></tr>")

        if !digest.teams.isEmpty {
            html.append(Self.sectionHeading("Teams"))
            html.append("<tr><td style=\"padding:0 28px 8px 28px\">")
            html.append(Self.countTable(firstHeader: "Team", rows: digest.teams.map { ("\(esc($0.name)) <span style=\"color:#64748b\">(\($0.members))</span>", $0.counts, $0.previous, $0.hostileHistory) }))
            html.append("</td></tr>")
        }

        html.append(Self.sectionHeading("Findings by person"))
        html.append("<tr><td style=\"padding:0 28px 8px 28px\">")
        html.append(Self.byPerson(digest, format: format))
        html.append("</td></tr>")

        html.append(Self.sectionHeading("Sources that attacked more than one person"))
        html.append("<tr><td style=\"padding:0 28px 8px 28px\">")
        html.append(Self.sourceList(digest.sharedSources, showAttacked: true, more: 0))
        html.append("</td></tr>")
        html.append(Self.sectionHeading("New sources"))
        html.append("<tr><td style=\"padding:0 28px 8px 28px\">")
        html.append(Self.sourceList(digest.newSources, showAttacked: false, more: digest.newSourcesTotal - digest.newSources.count))
        html.append("</td></tr>")

        html.append("<tr><td style=\"padding:16px 28px 24px 28px;font-size:11px;color:#64748b;border-top:1px solid #e2e8f0\">")
        html.append("Generated by vigil on \(esc(format.dateTime(digest.generatedAt))). A finding counts as agent-written when its agent score is at least \(DigestFormatting.score(digest.agentThreshold)). Scores are calibrated probabilities; evidence sentences are quoted from the source.")
        html.append("</td></tr>")
        html.append("</table>")
        html.append("</td></tr></table>")
        html.append("</body>")
        html.append("</html>")
        return html.joined(separator: "\n") + "\n"
    }

    static func severityColors(_ severity: Severity) -> (background: String, text: String) {
        switch severity {
        case .high: ("#b91c1c", "#ffffff")
        case .medium: ("#ea580c", "#ffffff")
        case .low: ("#fde68a", "#713f12")
        case .none: ("#e2e8f0", "#334155")
        }
    }

    static func sectionHeading(_ title: String) -> String {
        "<tr><td style=\"padding:18px 28px 6px 28px\"><h2 style=\"margin:0;font-size:15px;color:#0f172a;border-bottom:1px solid #e2e8f0;padding-bottom:6px\">\(UntrustedText.html(title))</h2></td></tr>"
    }

    static func card(_ label: String, _ value: String, _ note: String, color: String) -> String {
        "<td valign=\"top\" width=\"25%\" style=\"padding:8px\"><div style=\"border:1px solid #e2e8f0;border-radius:6px;padding:10px 12px;background:#f8fafc\">"
            + "<div style=\"font-size:11px;color:#64748b;text-transform:uppercase;letter-spacing:0.04em\">\(UntrustedText.html(label))</div>"
            + "<div style=\"font-size:24px;font-weight:bold;color:\(color);margin:2px 0\">\(UntrustedText.html(value))</div>"
            + "<div style=\"font-size:11px;color:#64748b\">\(UntrustedText.html(note))</div></div></td>"
    }

    static func findingBlock(_ finding: DigestFinding) -> String {
        let colors = severityColors(finding.severity)
        let rawTitle = finding.title.map { UntrustedText.plain($0) } ?? ""
        var title = UntrustedText.html(rawTitle.isEmpty ? "(untitled)" : rawTitle, limit: 140)
        if let link = UntrustedText.webLink(finding.url) {
            title = "<a href=\"\(UntrustedText.html(link))\" style=\"color:#1d4ed8;text-decoration:none\">\(title)</a>"
        }
        var origin = "on \(UntrustedText.html(finding.feed, limit: 60))"
        if let author = DigestFormatting.source(author: finding.author, feed: finding.feed).author {
            origin = "by <b>\(UntrustedText.html(author, limit: 60))</b> " + origin
        }
        var block = "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:8px 0 14px 0\"><tr><td style=\"border-left:4px solid \(colors.background);padding:4px 0 4px 12px\">"
        block += "<div style=\"font-size:12px;margin-bottom:3px\">\(badge(finding.severity)) <span style=\"color:#64748b\">\(finding.kind.rawValue)</span> <b style=\"color:#0f172a\">\(UntrustedText.html(finding.person))</b></div>"
        block += "<div style=\"font-size:15px;font-weight:bold;margin:2px 0\">\(title)</div>"
        block += "<div style=\"font-size:12px;color:#475569;margin:2px 0 6px 0\">attack \(DigestFormatting.score(finding.attack)) · hostility \(DigestFormatting.score(finding.hostility)) · agent \(DigestFormatting.score(finding.agent)) · \(origin) · finding \(finding.id)</div>"
        if let trail = finding.trail {
            block += "<div style=\"font-size:12px;color:#7c2d12;margin:2px 0 6px 0\">\(UntrustedText.html(trail, limit: 160))</div>"
        }
        for evidence in finding.evidence {
            let accent = evidence.kind == .hostile ? "#fca5a5" : "#c4b5fd"
            block += "<div style=\"font-size:13px;color:#1e293b;background:#f8fafc;border-left:3px solid \(accent);padding:5px 9px;margin:4px 0\">“\(UntrustedText.html(evidence.text, limit: 240))” <span style=\"color:#64748b;font-size:11px\">\(evidence.kind.rawValue) \(DigestFormatting.score(evidence.score))</span></div>"
        }
        block += "</td></tr></table>"
        return block
    }

    static func badge(_ severity: Severity) -> String {
        let colors = severityColors(severity)
        return "<span style=\"background:\(colors.background);color:\(colors.text);font-weight:bold;font-size:10px;padding:2px 6px;border-radius:3px;letter-spacing:0.05em\">\(DigestFormatting.severityWord(severity))</span>"
    }

    /// Each person's findings: attacks with the coverage of each beneath, other coverage, mentions.
    static func byPerson(_ digest: Digest, format: DigestFormatting) -> String {
        let people = digest.people.filter { !$0.findings.isEmpty }
        guard !people.isEmpty else {
            return "<p style=\"font-size:14px;color:#475569;margin:4px 0\">No findings in this period.</p>"
        }
        let heading = { (title: String) in "<div style=\"font-size:11px;color:#64748b;text-transform:uppercase;letter-spacing:0.04em;margin:8px 0 2px 0\">\(title)</div>" }
        let more = { (text: String, indent: Int) in "<div style=\"font-size:12px;color:#64748b;margin:2px 0 2px \(indent)px\">… and \(text)</div>" }
        var out = ""
        for person in people {
            let findings = person.findings
            out += "<div style=\"margin:10px 0 14px 0\"><div style=\"font-size:14px;font-weight:bold;color:#0f172a\">\(UntrustedText.html(person.name))</div>"
            if !findings.attacks.isEmpty || findings.moreAttacks > 0 {
                out += heading("Attacks")
                for group in findings.attacks {
                    out += "<div style=\"border-left:3px solid \(severityColors(group.attack.severity).background);padding:2px 0 2px 8px;margin:4px 0\">"
                    out += listItem(group.attack, note: format.earlierAttackNote(group))
                    for coverage in group.coverage { out += listItem(coverage, prefix: "covered by ", indent: 14) }
                    if group.moreCoverage > 0 { out += more("\(group.moreCoverage) more coverage", 14) }
                    out += "</div>"
                }
                if findings.moreAttacks > 0 { out += more(DigestFormatting.plural(findings.moreAttacks, "more attack"), 0) }
            }
            if !findings.otherCoverage.isEmpty || findings.moreOtherCoverage > 0 {
                out += heading("Other coverage")
                out += findings.otherCoverage.map { listItem($0) }.joined()
                if findings.moreOtherCoverage > 0 { out += more("\(findings.moreOtherCoverage) more", 0) }
            }
            if !findings.mentions.isEmpty {
                out += heading("Mentions")
                out += findings.mentions.map { listItem($0) }.joined()
                if findings.moreMentions > 0 { out += more("\(findings.moreMentions) more", 0) }
            }
            out += "</div>"
        }
        return out
    }

    /// One finding on one line: badge, linked title, source and ID, and a note in brackets.
    static func listItem(_ finding: DigestFinding, prefix: String = "", indent: Int = 0, note: String? = nil) -> String {
        let rawTitle = finding.title.map { UntrustedText.plain($0) } ?? ""
        var title = UntrustedText.html(rawTitle.isEmpty ? "(untitled)" : rawTitle, limit: 120)
        if let link = UntrustedText.webLink(finding.url) {
            title = "<a href=\"\(UntrustedText.html(link))\" style=\"color:#1d4ed8;text-decoration:none\">\(title)</a>"
        }
        var origin = "on \(UntrustedText.html(finding.feed, limit: 60))"
        if let author = DigestFormatting.source(author: finding.author, feed: finding.feed).author {
            origin = "by \(UntrustedText.html(author, limit: 60)) " + origin
        }
        return "<div style=\"font-size:13px;color:#0f172a;margin:3px 0 3px \(indent)px\">\(prefix.isEmpty ? "" : "<span style=\"color:#64748b\">\(prefix)</span>")\(badge(finding.severity)) \(title) <span style=\"font-size:12px;color:#475569\">· \(origin) · finding \(finding.id)\(note.map { " (\(UntrustedText.html($0)))" } ?? "")</span></div>"
    }

    /// `rows` hold already-escaped names.
    static func countTable(firstHeader: String, rows: [(String, FindingCounts, FindingCounts, [Int])]) -> String {
        var table = "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\">"
        table += "<tr>" + [firstHeader, "Mentions", "Hostile", "High", "Med", "Low", "By agent", "vs prev", "Trend"].enumerated().map { index, header in
            "<th align=\"\(index == 0 || index == 8 ? "left" : "right")\" style=\"\(headCell)\">\(header)</th>"
        }.joined() + "</tr>"
        for (name, counts, previous, history) in rows {
            let change = DigestFormatting.change(counts.hostile, previous.hostile)
            let changeColor = counts.hostile > previous.hostile ? "#b91c1c" : (counts.hostile < previous.hostile ? "#15803d" : "#64748b")
            table += "<tr>"
            table += "<td style=\"\(cell);white-space:nowrap\">\(name)</td>"
            table += "<td align=\"right\" style=\"\(cell)\">\(counts.mentions)</td>"
            table += "<td align=\"right\" style=\"\(cell);font-weight:bold;color:\(counts.hostile > 0 ? "#b91c1c" : "#0f172a")\">\(counts.hostile)</td>"
            table += "<td align=\"right\" style=\"\(cell)\">\(counts.high)</td>"
            table += "<td align=\"right\" style=\"\(cell)\">\(counts.medium)</td>"
            table += "<td align=\"right\" style=\"\(cell)\">\(counts.low)</td>"
            table += "<td align=\"right\" style=\"\(cell)\">\(DigestFormatting.percent(counts.agentLikeHostile, of: counts.hostile))</td>"
            table += "<td align=\"right\" style=\"\(cell);color:\(changeColor)\">\(change)</td>"
            table += "<td style=\"\(cell);color:#b91c1c;letter-spacing:1px\">\(Sparkline.render(history))</td>"
            table += "</tr>"
        }
        return table + "</table>"
    }

    static func sourceList(_ sources: [SourceActivity], showAttacked: Bool, more: Int) -> String {
        guard !sources.isEmpty else {
            return "<p style=\"font-size:14px;color:#475569;margin:4px 0\">None in this period.</p>"
        }
        var list = "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\">"
        for source in sources {
            let colors = severityColors(source.highestSeverity)
            let feeds = source.feeds.map { UntrustedText.html($0, limit: 60) }.joined(separator: ", ")
            let name = UntrustedText.html(source.name, limit: 80)
            let label = source.kind == .author ? "<b>\(name)</b> <span style=\"color:#64748b\">on \(feeds)</span>" : "feed <b>\(name)</b>"
            let people = (showAttacked ? source.peopleAttacked : source.peopleMentioned).map { UntrustedText.html($0) }.joined(separator: ", ")
            list += "<tr><td style=\"\(cell)\">\(label)<div style=\"font-size:12px;color:#475569;margin-top:2px\">\(showAttacked ? "attacked" : "mentioned") \(people)</div></td>"
            list += "<td align=\"right\" valign=\"top\" style=\"\(cell);white-space:nowrap\">\(source.hostile) hostile of \(source.findings) <span style=\"background:\(colors.background);color:\(colors.text);font-size:10px;font-weight:bold;padding:1px 5px;border-radius:3px\">\(DigestFormatting.severityWord(source.highestSeverity))</span></td></tr>"
        }
        list += "</table>"
        if more > 0 {
            list += "<p style=\"font-size:12px;color:#64748b;margin:6px 0 0 0\">… and \(more) more.</p>"
        }
        return list
    }
}
