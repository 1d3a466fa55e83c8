import Foundation
import VigilStore

/// Decides which channels hear about a finding and writes the outbox drafts
/// for them. It runs inside the transaction that stores the finding, so it
/// only computes: no I/O, no secrets.
///
/// A channel hears about a finding when the finding's kind is one of the
/// channel's `kinds`, its severity reaches the channel's `min_severity`, and
/// the person is in the channel's audience: the
/// people and teams the channel names, plus the teams whose `channels` list
/// names it. A channel with an empty audience hears about everyone.
public struct AlertRouter: Sendable {
    public let channels: [ChannelSettings]
    private let audiences: [String: Audience]

    struct Audience: Sendable {
        var people: Set<String>
        var teams: Set<String>
        var isEveryone: Bool { people.isEmpty && teams.isEmpty }
    }

    /// `teamChannels` maps a team name to the channels its `[[teams]]` entry routes to.
    public init(channels: [ChannelSettings], teamChannels: [String: [String]] = [:]) {
        self.channels = channels
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
        guard let findingID = stored.finding.id else { return [] }
        let finding = stored.finding
        return channels(person: stored.person.name, teams: stored.teams, severity: finding.severity, kind: finding.kind).map { channel in
            let key = Self.idempotencyKey(findingID: findingID, channel: channel.name, severity: stored.finding.severity)
            let alert = FindingAlert(stored, idempotencyKey: key)
            return AlertDraft(channel: channel.name, payload: AlertJSON.string(alert), idempotencyKey: key)
        }
    }

    public static func idempotencyKey(findingID: Int64, channel: String, severity: Severity) -> String {
        "finding-\(findingID)-\(channel)-\(severity.rawValue)"
    }
}
