import VigilText
import VigilStore

/// The digest as Markdown for chat channels and issue trackers. Text from
/// feeds is escaped with `UntrustedText.markdown` and links are made only
/// from http(s) URLs, so a post cannot inject HTML, links or table cells.
struct MarkdownDigestRenderer {
    let digest: Digest

    func render() -> String {
        let format = DigestFormatting(digest: digest)
        let md = { (text: String) in UntrustedText.markdown(text) }
        let totals = digest.totals
        let previous = digest.previousTotals
        var lines: [String] = []
        lines.append("# vigil digest: \(md(digest.scopeTitle))")
        lines.append("")
        lines.append("_\(format.period(digest.period))_")
        lines.append("")
        lines.append("## Summary")
        lines.append("")
        lines.append("- **Mentions:** \(totals.mentions) (previous period \(previous.mentions), \(DigestFormatting.change(totals.mentions, previous.mentions)))")
        lines.append("- **Hostile:** \(totals.hostile): \(DigestFormatting.severityBreakdown(totals)) (previous period \(previous.hostile), \(DigestFormatting.change(totals.hostile, previous.hostile)))")
        lines.append("- **Agent-written:** \(DigestFormatting.agentShare(totals))")
        lines.append("- **People watched:** \(digest.peopleInScope), \(digest.people.filter { $0.counts.mentions > 0 }.count) mentioned this period")
        if digest.history.count > 1 {
            lines.append("- **Trend** since \(format.shortDate(digest.history[0].period.start)): hostile `\(Sparkline.render(digest.history.map(\.hostile)))` \(digest.history.map { String($0.hostile) }.joined(separator: " ")); mentions `\(Sparkline.render(digest.history.map(\.mentions)))` \(digest.history.map { String($0.mentions) }.joined(separator: " "))")
        }
        lines.append("")

        lines.append("## Top findings")
        lines.append("")
        if digest.topFindings.isEmpty { lines.append("No hostile findings in this period.") }
        for (index, finding) in digest.topFindings.enumerated() {
            let rawTitle = finding.title.map { UntrustedText.plain($0) } ?? ""
            var title = UntrustedText.markdown(rawTitle.isEmpty ? "(untitled)" : rawTitle, limit: 120)
            if let link = UntrustedText.webLink(finding.url) { title = "[\(title)](\(link))" }
            lines.append("\(index + 1). **\(DigestFormatting.severityWord(finding.severity))** \(finding.kind.rawValue) · \(md(finding.person)): \(title)")
            var origin = "on \(UntrustedText.markdown(finding.feed, limit: 60))"
            if let author = DigestFormatting.source(author: finding.author, feed: finding.feed).author {
                origin = "by \(UntrustedText.markdown(author, limit: 60)) " + origin
            }
            lines.append("   attack \(DigestFormatting.score(finding.attack)) · hostility \(DigestFormatting.score(finding.hostility)) · agent \(DigestFormatting.score(finding.agent)) · \(origin) · finding \(finding.id)")
            for evidence in finding.evidence {
                lines.append("   > \(UntrustedText.markdown(evidence.text, limit: 200)) _(\(evidence.kind.rawValue) \(DigestFormatting.score(evidence.score)))_")
                lines.append("")
            }
            if finding.evidence.isEmpty { lines.append("") }
        }
        if !digest.topFindings.isEmpty, lines.last == "" { lines.removeLast() }
        lines.append("")

        lines.append("## People")
        lines.append("")
        if digest.people.isEmpty {
            lines.append("No mentions of anyone in this period or the one before.")
        } else {
            lines.append("| Person | Mentions | Hostile | High | Medium | Low | By agent | vs prev | Trend |")
            lines.append("|---|--:|--:|--:|--:|--:|--:|--:|---|")
            for person in digest.people {
                lines.append(Self.row(md(person.name), person.counts, person.previous, person.hostileHistory))
            }
        }
        if digest.quietPeople > 0 {
            lines.append("")
            lines.append("\(DigestFormatting.plural(digest.quietPeople, "other person", "other people")) watched: no mentions.")
        }
        if !digest.teams.isEmpty {
            lines.append("")
            lines.append("## Teams")
            lines.append("")
            lines.append("| Team | Mentions | Hostile | High | Medium | Low | By agent | vs prev | Trend |")
            lines.append("|---|--:|--:|--:|--:|--:|--:|--:|---|")
            for team in digest.teams {
                lines.append(Self.row(md(team.name) + " (\(team.members))", team.counts, team.previous, team.hostileHistory))
            }
        }
        lines.append("")

        lines += Self.byPerson(digest, format: format)
        lines.append("")

        lines.append("## Sources that attacked more than one person")
        lines.append("")
        if digest.sharedSources.isEmpty { lines.append("None in this period.") }
        for source in digest.sharedSources {
            lines.append("- \(Self.describe(source)); attacked \(source.peopleAttacked.map(md).joined(separator: ", "))")
        }
        lines.append("")
        lines.append("## New sources")
        lines.append("")
        if digest.newSources.isEmpty { lines.append("None in this period.") }
        for source in digest.newSources {
            lines.append("- \(Self.describe(source))")
        }
        if digest.newSourcesTotal > digest.newSources.count {
            lines.append("- … and \(digest.newSourcesTotal - digest.newSources.count) more")
        }
        lines.append("")
        lines.append("_Generated \(format.dateTime(digest.generatedAt)). A finding counts as agent-written when its agent score is at least \(DigestFormatting.score(digest.agentThreshold))._")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each person's findings: attacks with the coverage of each (nested), other coverage, mentions.
    static func byPerson(_ digest: Digest, format: DigestFormatting) -> [String] {
        var lines = ["## Findings by person", ""]
        let people = digest.people.filter { !$0.findings.isEmpty }
        if people.isEmpty { lines.append("No findings in this period.") }
        for person in people {
            let findings = person.findings
            lines.append("### \(UntrustedText.markdown(person.name))")
            if !findings.attacks.isEmpty || findings.moreAttacks > 0 {
                lines.append("")
                lines.append("**Attacks**")
                lines.append("")
                for group in findings.attacks {
                    lines.append("- \(item(group.attack))" + (format.earlierAttackNote(group).map { " _(\($0))_" } ?? ""))
                    lines += group.coverage.map { "  - covered by \(item($0))" }
                    if group.moreCoverage > 0 { lines.append("  - … and \(group.moreCoverage) more coverage") }
                }
                if findings.moreAttacks > 0 { lines.append("- … and \(DigestFormatting.plural(findings.moreAttacks, "more attack"))") }
            }
            if !findings.otherCoverage.isEmpty || findings.moreOtherCoverage > 0 {
                lines.append("")
                lines.append("**Other coverage**")
                lines.append("")
                lines += findings.otherCoverage.map { "- \(item($0))" }
                if findings.moreOtherCoverage > 0 { lines.append("- … and \(findings.moreOtherCoverage) more") }
            }
            if !findings.mentions.isEmpty {
                lines.append("")
                lines.append("**Mentions**")
                lines.append("")
                lines += findings.mentions.map { "- \(item($0))" }
                if findings.moreMentions > 0 { lines.append("- … and \(findings.moreMentions) more") }
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// "**HIGH** [Title](url) · by Author on Feed · finding 24".
    static func item(_ finding: DigestFinding) -> String {
        let rawTitle = finding.title.map { UntrustedText.plain($0) } ?? ""
        var title = UntrustedText.markdown(rawTitle.isEmpty ? "(untitled)" : rawTitle, limit: 100)
        if let link = UntrustedText.webLink(finding.url) { title = "[\(title)](\(link))" }
        var origin = "on \(UntrustedText.markdown(finding.feed, limit: 60))"
        if let author = DigestFormatting.source(author: finding.author, feed: finding.feed).author {
            origin = "by \(UntrustedText.markdown(author, limit: 60)) " + origin
        }
        let trail = finding.trail.map { " · " + UntrustedText.markdown($0, limit: 160) } ?? ""
        return "**\(DigestFormatting.severityWord(finding.severity))** \(title) · \(origin)\(trail) · finding \(finding.id)"
    }

    static func row(_ name: String, _ counts: FindingCounts, _ previous: FindingCounts, _ history: [Int]) -> String {
        "| \(name) | \(counts.mentions) | \(counts.hostile) | \(counts.high) | \(counts.medium) | \(counts.low) | "
            + "\(DigestFormatting.percent(counts.agentLikeHostile, of: counts.hostile)) | "
            + "\(DigestFormatting.change(counts.hostile, previous.hostile)) | \(Sparkline.render(history)) |"
    }

    static func describe(_ source: SourceActivity) -> String {
        let feeds = source.feeds.map { UntrustedText.markdown($0, limit: 60) }.joined(separator: ", ")
        let name = UntrustedText.markdown(source.name, limit: 80)
        let label = source.kind == .author ? "**\(name)** (\(feeds))" : "feed **\(name)**"
        return "\(label): \(source.hostile) hostile of \(DigestFormatting.plural(source.findings, "mention")), highest \(source.highestSeverity.rawValue)"
    }
}
