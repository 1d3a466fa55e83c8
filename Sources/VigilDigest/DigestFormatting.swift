import VigilText
import Foundation
import VigilStore

/// Wording and number formats every renderer shares, so the four formats
/// say the same thing the same way.
struct DigestFormatting {
    let timeZone: TimeZone

    init(digest: Digest) {
        timeZone = TimeZone(identifier: digest.timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// "Mon 16 Nov 2026 08:00".
    func dateTime(_ date: Date) -> String {
        formatter("EEE d MMM yyyy HH:mm").string(from: date)
    }

    /// "16 Nov".
    func shortDate(_ date: Date) -> String {
        formatter("d MMM").string(from: date)
    }

    func period(_ period: DigestPeriod) -> String {
        "\(dateTime(period.start)) – \(dateTime(period.end)) (\(timeZone.identifier))"
    }

    private func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        return formatter
    }

    /// "+3", "-2", "0".
    static func change(_ now: Int, _ before: Int) -> String {
        let delta = now - before
        return delta > 0 ? "+\(delta)" : "\(delta)"
    }

    /// "57%", or "–" when there is nothing to take a share of.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    static func score(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    static func severityWord(_ severity: Severity) -> String {
        severity.rawValue.uppercased()
    }

    /// "found 11 Nov, before this period", for an attack listed because the period's coverage reports on it.
    func earlierAttackNote(_ group: AttackCoverage) -> String? {
        group.inPeriod ? nil : "found \(shortDate(group.attack.createdAt)), before this period"
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// "high 2 · medium 3 · low 1", or "none" when there were none.
    static func severityBreakdown(_ counts: FindingCounts) -> String {
        guard counts.hostile > 0 else { return "none" }
        return "high \(counts.high) · medium \(counts.medium) · low \(counts.low)"
    }

    /// "3 of 5 hostile (60%) · 4 of 12 mentions (33%)".
    static func agentShare(_ counts: FindingCounts) -> String {
        "\(counts.agentLikeHostile) of \(counts.hostile) hostile (\(percent(counts.agentLikeHostile, of: counts.hostile)))"
            + " · \(counts.agentLike) of \(counts.mentions) mentions (\(percent(counts.agentLike, of: counts.mentions)))"
    }

    /// Where a finding came from: "by NAME on FEED" (untrusted; escape it).
    static func source(author: String?, feed: String) -> (author: String?, feed: String) {
        let name = author.map { UntrustedText.plain($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return (name, feed)
    }
}
