import VigilText
import VigilStore

/// The digest as plain text for a terminal or a text e-mail: aligned tables,
/// counts against the previous period, and sparklines for the trend. Every
/// string from a feed passes through `UntrustedText.plain`, so no escape
/// sequence from an attacker's post reaches the terminal.
struct TextDigestRenderer {
    let digest: Digest

    func render() -> String {
        let format = DigestFormatting(digest: digest)
        let totals = digest.totals
        let previous = digest.previousTotals
        let plain = { (text: String) in UntrustedText.plain(text) }
        var lines: [String] = []
        lines.append("vigil digest: \(plain(digest.scopeTitle))")
        lines.append(format.period(digest.period))
        lines.append("")

        lines.append("SUMMARY")
        var summary = ColumnLayout(headers: ["", "", ""], rightAligned: [1])
        summary.append(["Mentions", "\(totals.mentions)", "previous period \(previous.mentions), \(DigestFormatting.change(totals.mentions, previous.mentions))"])
        summary.append(["Hostile", "\(totals.hostile)", "\(DigestFormatting.severityBreakdown(totals)); previous period \(previous.hostile), \(DigestFormatting.change(totals.hostile, previous.hostile))"])
        summary.append(["Agent-written", "", DigestFormatting.agentShare(totals)])
        summary.append(["People", "\(digest.peopleInScope)", "\(digest.people.filter { $0.counts.mentions > 0 }.count) mentioned this period"])
        lines += summary.render(indent: "  ").dropFirst()
        if digest.history.count > 1 {
            let first = digest.history[0].period.start
            lines.append("  Trend since \(format.shortDate(first)), per period:")
            lines.append("    hostile   \(Sparkline.render(digest.history.map(\.hostile)))  \(digest.history.map { String($0.hostile) }.joined(separator: " "))")
            lines.append("    mentions  \(Sparkline.render(digest.history.map(\.mentions)))  \(digest.history.map { String($0.mentions) }.joined(separator: " "))")
        }
        lines.append("")

        lines.append("TOP FINDINGS")
        if digest.topFindings.isEmpty {
            lines.append("  No hostile findings in this period.")
        }
        for (index, finding) in digest.topFindings.enumerated() {
            let title = finding.title.map { plain($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "(untitled)"
            lines.append("  \(index + 1). [\(DigestFormatting.severityWord(finding.severity)) \(finding.kind.rawValue)] \(plain(finding.person)): \(UntrustedText.plain(title, limit: 120))")
            let source = DigestFormatting.source(author: finding.author, feed: finding.feed)
            var where_ = "on \(UntrustedText.plain(source.feed, limit: 60))"
            if let author = source.author { where_ = "by \(UntrustedText.plain(author, limit: 60)) " + where_ }
            lines.append("     attack \(DigestFormatting.score(finding.attack)) · hostility \(DigestFormatting.score(finding.hostility)) · agent \(DigestFormatting.score(finding.agent)) · \(where_)")
            if let url = finding.url.map({ plain($0) }), !url.isEmpty {
                lines.append("     \(url)")
            }
            for evidence in finding.evidence {
                lines.append("     > \"\(UntrustedText.plain(evidence.text, limit: 200))\" (\(evidence.kind.rawValue) \(DigestFormatting.score(evidence.score)))")
            }
            lines.append("     vigil findings show \(finding.id)")
        }
        lines.append("")

        lines.append("PEOPLE")
        if digest.people.isEmpty {
            lines.append("  No mentions of anyone in this period or the one before.")
        } else {
            var table = ColumnLayout(
                headers: ["NAME", "MENTIONS", "HOSTILE", "HIGH", "MED", "LOW", "BY AGENT", "VS PREV", "TREND"],
                rightAligned: [1, 2, 3, 4, 5, 6, 7])
            for person in digest.people {
                table.append(Self.countCells(plain(person.name), person.counts, person.previous, person.hostileHistory))
            }
            lines += table.render(indent: "  ")
        }
        if digest.quietPeople > 0 {
            lines.append("  \(DigestFormatting.plural(digest.quietPeople, "other person", "other people")) watched: no mentions.")
        }
        if !digest.teams.isEmpty {
            lines.append("")
            lines.append("TEAMS")
            var table = ColumnLayout(
                headers: ["TEAM", "MENTIONS", "HOSTILE", "HIGH", "MED", "LOW", "BY AGENT", "VS PREV", "TREND", "PEOPLE"],
                rightAligned: [1, 2, 3, 4, 5, 6, 7, 9])
            for team in digest.teams {
                table.append(Self.countCells(plain(team.name), team.counts, team.previous, team.hostileHistory) + ["\(team.members)"])
            }
            lines += table.render(indent: "  ")
        }
        lines.append("")

        lines += Self.byPerson(digest, format: format)
        lines.append("")

        lines.append("SOURCES THAT ATTACKED MORE THAN ONE PERSON")
        if digest.sharedSources.isEmpty { lines.append("  None in this period.") }
        for source in digest.sharedSources {
            lines.append("  \(Self.describe(source, people: "attacked", source.peopleAttacked))")
        }
        lines.append("")

        lines.append("NEW SOURCES (first seen in this period)")
        if digest.newSources.isEmpty { lines.append("  None in this period.") }
        for source in digest.newSources {
            lines.append("  \(Self.describe(source, people: "mentioned", source.peopleMentioned))")
        }
        if digest.newSourcesTotal > digest.newSources.count {
            lines.append("  … and \(digest.newSourcesTotal - digest.newSources.count) more")
        }
        lines.append("")
        lines.append("Generated \(format.dateTime(digest.generatedAt)). A finding counts as agent-written when its agent score is at least \(DigestFormatting.score(digest.agentThreshold)).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each person's findings: attacks with the coverage of each, other coverage, mentions.
    static func byPerson(_ digest: Digest, format: DigestFormatting) -> [String] {
        var lines = ["FINDINGS BY PERSON"]
        let people = digest.people.filter { !$0.findings.isEmpty }
        if people.isEmpty { lines.append("  No findings in this period.") }
        for person in people {
            let findings = person.findings
            lines.append("  \(UntrustedText.plain(person.name))")
            if !findings.attacks.isEmpty || findings.moreAttacks > 0 {
                lines.append("    Attacks")
                for group in findings.attacks {
                    lines.append("      \(line(group.attack))" + (format.earlierAttackNote(group).map { " (\($0))" } ?? ""))
                    for coverage in group.coverage { lines.append("        covered by \(line(coverage))") }
                    if group.moreCoverage > 0 { lines.append("        … and \(group.moreCoverage) more coverage") }
                }
                if findings.moreAttacks > 0 { lines.append("      … and \(DigestFormatting.plural(findings.moreAttacks, "more attack"))") }
            }
            if !findings.otherCoverage.isEmpty || findings.moreOtherCoverage > 0 {
                lines.append("    Other coverage")
                lines += findings.otherCoverage.map { "      \(line($0))" }
                if findings.moreOtherCoverage > 0 { lines.append("      … and \(findings.moreOtherCoverage) more") }
            }
            if !findings.mentions.isEmpty {
                lines.append("    Mentions")
                lines += findings.mentions.map { "      \(line($0))" }
                if findings.moreMentions > 0 { lines.append("      … and \(findings.moreMentions) more") }
            }
        }
        return lines
    }

    /// "[HIGH] Title · by Author on Feed · finding 24".
    static func line(_ finding: DigestFinding) -> String {
        let title = finding.title.map { UntrustedText.plain($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "(untitled)"
        let source = DigestFormatting.source(author: finding.author, feed: finding.feed)
        var origin = "on \(UntrustedText.plain(source.feed, limit: 60))"
        if let author = source.author { origin = "by \(UntrustedText.plain(author, limit: 60)) " + origin }
        let trail = finding.trail.map { " · " + UntrustedText.plain($0, limit: 160) } ?? ""
        return "[\(DigestFormatting.severityWord(finding.severity))] \(UntrustedText.plain(title, limit: 100)) · \(origin)\(trail) · finding \(finding.id)"
    }

    static func countCells(_ name: String, _ counts: FindingCounts, _ previous: FindingCounts, _ history: [Int]) -> [String] {
        [
            name, "\(counts.mentions)", "\(counts.hostile)", "\(counts.high)", "\(counts.medium)", "\(counts.low)",
            DigestFormatting.percent(counts.agentLikeHostile, of: counts.hostile),
            DigestFormatting.change(counts.hostile, previous.hostile), Sparkline.render(history),
        ]
    }

    /// "openclaw-bot (Example Blog, dev.to): 4 hostile of 5, highest high".
    static func describe(_ source: SourceActivity, people verb: String, _ people: [String]) -> String {
        let feeds = source.feeds.map { UntrustedText.plain($0, limit: 60) }.joined(separator: ", ")
        let name = UntrustedText.plain(source.name, limit: 80)
        let label = source.kind == .author ? "\(name) (\(feeds))" : "feed \(name)"
        return "\(label): \(source.hostile) hostile of \(DigestFormatting.plural(source.findings, "mention")), highest \(source.highestSeverity.rawValue); \(verb) \(people.map { UntrustedText.plain($0) }.joined(separator: ", "))"
    }
}
