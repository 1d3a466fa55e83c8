import Foundation
import VigilText

/// A burst alert in the forms people read. It names the person, the feed,
/// how many findings and how severe the worst is, lists the most severe,
/// and gives the command that lists them all. Feed text is cleaned for
/// text and escaped for HTML, as in every other message.
enum BurstRendering {
    /// "9995 more findings about Ada Lovelace from Example blog".
    static func summary(_ burst: BurstAlert) -> String {
        let what = burst.kinds.count == 1 ? "\(burst.kinds[0].rawValue) findings" : "findings"
        let person = UntrustedText.plain(burst.person, limit: 80)
        let feed = UntrustedText.plain(burst.feed.title ?? burst.feed.url, limit: 80)
        return "\(burst.count) more \(what) about \(person) from \(feed)"
    }

    static func text(_ burst: BurstAlert) -> String {
        func clean(_ value: String?) -> String { UntrustedText.plain(value ?? "", limit: 300) }
        var lines: [String] = []
        let teams = burst.teams.isEmpty ? "" : " (teams: \(burst.teams.map(clean).joined(separator: ", ")))"
        lines.append("\(burst.count) more findings about \(clean(burst.person))\(teams) from one poll of one feed, grouped into this one alert.")
        lines.append("")
        lines.append("Source:   \(burst.feed.title.map { clean($0) + " " } ?? "")<\(clean(burst.feed.url))>")
        lines.append("Severity: up to \(burst.severity.rawValue)")
        lines.append("Kinds:    \(burst.kinds.map(\.rawValue).joined(separator: ", "))")
        lines.append("")
        lines.append(burst.unlisted > 0 ? "The \(burst.findings.count) most severe:" : "The findings:")
        for entry in burst.findings {
            var line = "  - [\(entry.severity.rawValue) \(entry.kind.rawValue)] \(clean(entry.title ?? "untitled post"))"
            if let link = entry.link { line += " <\(clean(link))>" }
            line += " (finding \(entry.findingID))"
            lines.append(line)
        }
        if burst.unlisted > 0 { lines.append("  …and \(burst.unlisted) more.") }
        lines.append("")
        lines.append("See them all: \(burst.actions.list)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func html(_ burst: BurstAlert) -> String {
        let e = { (text: String) in UntrustedText.html(text) }
        var out = "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n"
        out += "<h2>\(burst.count) more findings about \(e(burst.person))</h2>\n"
        out += "<p>From one poll of one feed, grouped into this one alert.</p>\n<table>\n"
        if !burst.teams.isEmpty { out += row("Teams", burst.teams.map(e).joined(separator: ", ")) }
        let feedName = e(burst.feed.title ?? burst.feed.url)
        if let feedLink = UntrustedText.webLink(burst.feed.url) {
            out += row("Source", "<a href=\"\(e(feedLink))\">\(feedName)</a>")
        } else {
            out += row("Source", feedName)
        }
        out += row("Severity", "up to <strong>\(burst.severity.rawValue)</strong>")
        out += row("Kinds", burst.kinds.map(\.rawValue).joined(separator: ", "))
        out += "</table>\n<ul>\n"
        for entry in burst.findings {
            let title = e(entry.title ?? "untitled post")
            let shown = UntrustedText.webLink(entry.link).map { "<a href=\"\(e($0))\">\(title)</a>" } ?? title
            out += "<li>\(entry.severity.rawValue) \(entry.kind.rawValue): \(shown) (finding \(entry.findingID))</li>\n"
        }
        if burst.unlisted > 0 { out += "<li>…and \(burst.unlisted) more.</li>\n" }
        out += "</ul>\n<p>See them all: <code>\(e(burst.actions.list))</code></p>\n</body></html>\n"
        return out
    }

    private static func row(_ name: String, _ value: String) -> String {
        "<tr><th align=\"left\">\(name)</th><td>\(value)</td></tr>\n"
    }
}
