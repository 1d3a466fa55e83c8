import VigilText
import Foundation
import VigilStore

/// Turns an envelope into what a person reads. Every feed-derived string
/// passes through `UntrustedText`: cleaned for text, escaped for HTML.
public enum AlertRenderer {
    public static func render(_ envelope: AlertEnvelope) -> RenderedMessage {
        if let digest = envelope.digest {
            return RenderedMessage(
                subject: UntrustedText.plain(digest.subject, limit: 200),
                text: UntrustedText.keepingLines(digest.text),
                html: digest.html ?? "<pre>\(UntrustedText.html(digest.text))</pre>")
        }
        if let burst = envelope.burst {
            return RenderedMessage(subject: subject(envelope), text: BurstRendering.text(burst), html: BurstRendering.html(burst))
        }
        return RenderedMessage(subject: subject(envelope), text: text(envelope), html: html(envelope))
    }

    public static func subject(_ envelope: AlertEnvelope) -> String {
        let severity = (envelope.severity ?? .none).rawValue.uppercased()
        let person = UntrustedText.plain(envelope.person ?? "", limit: 80)
        if envelope.kind == .test {
            return "[vigil] TEST alert through channel '\(UntrustedText.plain(envelope.channel, limit: 80))': no action needed"
        }
        if let burst = envelope.burst {
            return "[vigil] \(severity): \(BurstRendering.summary(burst))"
        }
        if envelope.findings.count == 1, let finding = envelope.findings.first {
            let title = UntrustedText.plain(finding.title ?? "untitled post", limit: 120)
            return "[vigil] \(severity) \(finding.kind.rawValue): \(person): \(title)"
        }
        // "3 attack findings" when they agree, plain "findings" when mixed.
        let what = Set(envelope.findings.map(\.kind)).count == 1 ? "\(envelope.findings[0].kind.rawValue) findings" : "findings"
        return "[vigil] \(severity): \(envelope.findings.count) \(what) about \(person)"
    }

    /// One line for chat notifications and push titles.
    public static func headline(_ envelope: AlertEnvelope) -> String {
        String(subject(envelope).dropFirst("[vigil] ".count))
    }

    public static func text(_ envelope: AlertEnvelope) -> String {
        var lines: [String] = []
        if envelope.kind == .test {
            lines.append("TEST ALERT: vigil is checking channel '\(UntrustedText.plain(envelope.channel, limit: 300))'. Nothing was found; no action needed.")
            lines.append("")
        }
        if envelope.findings.count > 1 {
            lines.append("\(envelope.findings.count) findings about \(UntrustedText.plain(envelope.person ?? "", limit: 300)):")
            lines.append("")
        }
        for (index, finding) in envelope.findings.enumerated() {
            if index > 0 { lines.append(""); lines.append(String(repeating: "-", count: 40)); lines.append("") }
            lines.append(contentsOf: textBlock(finding))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func textBlock(_ finding: FindingAlert) -> [String] {
        func clean(_ value: String?) -> String { UntrustedText.plain(value ?? "", limit: 300) }
        var lines: [String] = []
        lines.append("Person:   \(clean(finding.person))" + (finding.teams.isEmpty ? "" : " (teams: \(finding.teams.map(clean).joined(separator: ", ")))"))
        var severity = "Severity: \(finding.severity.rawValue) (attack \(score(finding.attack)), hostility \(score(finding.hostility)))"
        if let previous = finding.previousSeverity { severity += ", raised from \(previous.rawValue)" }
        lines.append(severity)
        lines.append("Kind:     \(finding.kind.rawValue)")
        lines.append("Title:    \(clean(finding.title ?? "untitled post"))")
        lines.append("Source:   \(finding.feed.title.map { clean($0) + " " } ?? "")<\(clean(finding.feed.url))>")
        if let link = finding.link { lines.append("Link:     \(clean(link))") }
        if let author = finding.author, !author.isEmpty { lines.append("Author:   \(clean(author))") }
        if let trail = finding.trail { lines.append("Trail:    \(clean(trail))") }
        lines.append("Agent:    \(clean(finding.agentReason))")
        if !finding.evidence.isEmpty {
            lines.append("Evidence:")
            for line in finding.evidence {
                lines.append("  - \"\(UntrustedText.plain(line.text, limit: 400))\" (\(line.kind), \(score(line.score)))")
            }
        }
        lines.append("Act on it:")
        let width = finding.actions.markBenign.count + 3
        lines.append("  " + finding.actions.acknowledge.padding(toLength: width, withPad: " ", startingAt: 0) + "acknowledge it")
        lines.append("  " + finding.actions.markBenign.padding(toLength: width, withPad: " ", startingAt: 0) + "if it is not an attack (teaches the model)")
        return lines
    }

    public static func html(_ envelope: AlertEnvelope) -> String {
        var out = "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n"
        if envelope.kind == .test {
            out += "<p><strong>TEST ALERT</strong>: vigil is checking channel '\(UntrustedText.html(envelope.channel))'. Nothing was found; no action needed.</p>\n"
        }
        if envelope.findings.count > 1 {
            out += "<h2>\(envelope.findings.count) findings about \(UntrustedText.html(envelope.person ?? ""))</h2>\n"
        }
        for finding in envelope.findings {
            out += htmlBlock(finding)
        }
        out += "</body></html>\n"
        return out
    }

    static func htmlBlock(_ finding: FindingAlert) -> String {
        let e = { (text: String) in UntrustedText.html(text) }
        var out = "<div>\n"
        let title = e(finding.title ?? "untitled post")
        if let link = UntrustedText.webLink(finding.link) {
            out += "<h3><a href=\"\(e(link))\">\(title)</a></h3>\n"
        } else {
            out += "<h3>\(title)</h3>\n"
        }
        out += "<table>\n"
        out += row("Person", e(finding.person) + (finding.teams.isEmpty ? "" : " (teams: \(finding.teams.map(e).joined(separator: ", ")))"))
        var severity = "<strong>\(finding.severity.rawValue)</strong> (attack \(score(finding.attack)), hostility \(score(finding.hostility)))"
        if let previous = finding.previousSeverity { severity += ", raised from \(previous.rawValue)" }
        out += row("Severity", severity)
        out += row("Kind", finding.kind.rawValue)
        let feedName = e(finding.feed.title ?? finding.feed.url)
        if let feedLink = UntrustedText.webLink(finding.feed.url) {
            out += row("Source", "<a href=\"\(e(feedLink))\">\(feedName)</a>")
        } else {
            out += row("Source", feedName)
        }
        if let link = finding.link { out += row("Link", e(link)) }
        if let author = finding.author, !author.isEmpty { out += row("Author", e(author)) }
        if let trail = finding.trail { out += row("Trail", e(trail)) }
        out += row("Agent", e(finding.agentReason))
        out += "</table>\n"
        if !finding.evidence.isEmpty {
            out += "<p>Evidence:</p>\n<ul>\n"
            for line in finding.evidence {
                out += "<li><q>\(e(line.text))</q> (\(e(line.kind)), \(score(line.score)))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<p>Act on it: <code>\(e(finding.actions.acknowledge))</code> to acknowledge; "
        out += "<code>\(e(finding.actions.markBenign))</code> if it is not an attack.</p>\n</div>\n"
        return out
    }

    private static func row(_ name: String, _ value: String) -> String {
        "<tr><th align=\"left\">\(name)</th><td>\(value)</td></tr>\n"
    }

    static func score(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
