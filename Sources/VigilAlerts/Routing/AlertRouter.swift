import Foundation
import VigilStore

/// Decides which channels hear about a finding and writes the outbox drafts
/// for them. The poll's Plan stage asks it before the commit that stores the
/// findings and their outbox rows together, so it only computes: no I/O, no
/// secrets.
///
/// A channel hears about a finding when the finding's kind is one of the
/// channel's `kinds`, its severity reaches the channel's `min_severity`, and
/// the person is in the channel's audience: the
/// people and teams the channel names, plus the teams whose `channels` list
/// names it. A channel with an empty audience hears about everyone.
///
/// One poll of one feed gets at most `burstLimit` alerts of their own per
/// person and channel, for its most severe findings; the rest go out
/// together as one burst alert. A feed naming someone ten thousand times
/// then pages six times, not ten thousand, and every finding is still stored.
public struct AlertRouter: Sendable {
    public let channels: [ChannelSettings]
    /// Alerts of their own per person, channel and feed poll; 0 turns grouping off.
    public let burstLimit: Int
    private let audiences: [String: Audience]

    /// The default `[alerts] burst_limit`.
    public static let defaultBurstLimit = 5

    struct Audience: Sendable {
        var people: Set<String>
        var teams: Set<String>
        var isEveryone: Bool { people.isEmpty && teams.isEmpty }
    }

    /// `teamChannels` maps a team name to the channels its `[[teams]]` entry routes to.
    public init(channels: [ChannelSettings], teamChannels: [String: [String]] = [:], burstLimit: Int = Self.defaultBurstLimit) {
        self.channels = channels
        self.burstLimit = max(burstLimit, 0)
        var audiences: [String: Audience] = [:]
        for channel in channels {
            var audience = Audience(people: Set(channel.people.map { $0.lowercased() }), teams: Set(channel.teams.map { $0.lowercased() }))
            for (team, names) in teamChannels where names.contains(channel.name) {
                audience.teams.insert(team.lowercased())
            }
            audiences[channel.name] = audience
        }
        self.audiences = audiences
    }

    /// The channels that should hear about a finding of `kind` and `severity` about `person`.
    public func channels(person: String, teams: [String], severity: Severity, kind: FindingKind) -> [ChannelSettings] {
        let teamSet = Set(teams.map { $0.lowercased() })
        return channels.filter { channel in
            guard channel.kinds.contains(kind) else { return false }
            guard severity >= (Severity(rawValue: channel.minSeverity) ?? .medium) else { return false }
            guard let audience = audiences[channel.name], !audience.isEveryone else { return true }
            return audience.people.contains(person.lowercased()) || !audience.teams.isDisjoint(with: teamSet)
        }
    }

    /// The outbox drafts for a new or escalated finding. The key names the
    /// finding, the channel and the severity: a retry or a restart reuses it,
    /// an escalation gets a new one.
    public func drafts(for stored: StoredFinding) -> [AlertDraft] {
        let finding = stored.finding
        return channels(person: stored.person.name, teams: stored.teams, severity: finding.severity, kind: finding.kind)
            .compactMap { routed(stored, channel: $0.name)?.draft }
    }

    /// The alerts for one feed poll's new and escalated findings, in the
    /// order given. Per channel and person, the `burstLimit` most severe
    /// findings (the earliest first among equals) get alerts of their own;
    /// when more than one is left over, the rest become one burst alert,
    /// queued under the first of them.
    public func alerts(for findings: [StoredFinding]) -> [RoutedAlert] {
        struct Recipient: Hashable {
            var channel: String
            var person: Int64
        }
        var heard: [Recipient: [StoredFinding]] = [:]
        var order: [Recipient] = []
        for stored in findings {
            guard stored.finding.id != nil, let person = stored.person.id else { continue }
            for channel in channels(person: stored.person.name, teams: stored.teams, severity: stored.finding.severity, kind: stored.finding.kind) {
                let recipient = Recipient(channel: channel.name, person: person)
                if heard[recipient] == nil { order.append(recipient) }
                heard[recipient, default: []].append(stored)
            }
        }
        var alerts: [RoutedAlert] = []
        for recipient in order {
            let members = heard[recipient] ?? []
            guard burstLimit > 0, members.count > burstLimit + 1 else {
                alerts += members.compactMap { routed($0, channel: recipient.channel) }
                continue
            }
            let ranked = members.enumerated().sorted { left, right in
                left.element.finding.severity != right.element.finding.severity
                    ? left.element.finding.severity > right.element.finding.severity : left.offset < right.offset
            }
            let alone = Set(ranked.prefix(burstLimit).map(\.offset))
            var grouped: [StoredFinding] = []
            for (offset, stored) in members.enumerated() {
                if alone.contains(offset) {
                    if let alert = routed(stored, channel: recipient.channel) { alerts.append(alert) }
                } else {
                    grouped.append(stored)
                }
            }
            if let burst = burstAlert(grouped, channel: recipient.channel) { alerts.append(burst) }
        }
        return alerts
    }

    private func routed(_ stored: StoredFinding, channel: String) -> RoutedAlert? {
        guard let findingID = stored.finding.id else { return nil }
        let key = Self.idempotencyKey(findingID: findingID, channel: channel, severity: stored.finding.severity)
        let draft = AlertDraft(channel: channel, payload: AlertJSON.string(FindingAlert(stored, idempotencyKey: key)), idempotencyKey: key)
        return RoutedAlert(findingID: findingID, draft: draft)
    }

    /// One alert for the findings beyond the limit. Its key derives from the
    /// keys their own alerts would have had, so it names exactly this group.
    private func burstAlert(_ grouped: [StoredFinding], channel: String) -> RoutedAlert? {
        guard let first = grouped.first?.finding.id else { return nil }
        var keys: [String] = []
        let members = grouped.compactMap { stored -> FindingAlert? in
            guard let id = stored.finding.id else { return nil }
            let key = Self.idempotencyKey(findingID: id, channel: channel, severity: stored.finding.severity)
            keys.append(key)
            return FindingAlert(stored, idempotencyKey: key)
        }
        let key = "burst-" + Hex.shortDigest(of: keys.joined(separator: "\n"))
        let draft = AlertDraft(channel: channel, payload: AlertJSON.string(BurstAlert(members: members)), idempotencyKey: key)
        return RoutedAlert(findingID: first, draft: draft)
    }

    public static func idempotencyKey(findingID: Int64, channel: String, severity: Severity) -> String {
        "finding-\(findingID)-\(channel)-\(severity.rawValue)"
    }
}
