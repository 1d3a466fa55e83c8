import ArgumentParser
import Foundation
import VigilDaemon
import VigilStore

extension Vigil.Findings {
    /// The filters `findings ls` and `findings export` share, checked into a
    /// store filter with one-line errors for bad values.
    struct FilterOptions: ParsableArguments {
        @Option(help: ArgumentHelp("Only findings newer than this, e.g. 24h, 7d, 2w.", valueName: "duration"))
        var since: String?

        @Option(help: "Only findings about this person.")
        var person: String?

        @Option(help: "Only findings about members of this team.")
        var team: String?

        @Option(help: ArgumentHelp("Only findings at or above this severity: none, low, medium, high.", valueName: "severity"))
        var minSeverity: String?

        @Option(help: ArgumentHelp("Only findings of exactly this severity.", valueName: "severity"))
        var severity: String?

        @Option(help: ArgumentHelp(
            "Only findings of this kind: attack, coverage or mention; repeat it or give a comma list.", valueName: "kind"))
        var kind: [String] = []

        @Option(help: ArgumentHelp("Only findings in this state: new or acked.", valueName: "state"))
        var state: String?

        @Option(help: ArgumentHelp("Only findings with this label: hostile, benign, agent or human.", valueName: "label"))
        var label: String?

        func filter(now: Date, limit: Int? = nil) throws -> FindingFilter {
            var filter = FindingFilter(person: person, team: team, limit: limit)
            if let since {
                guard let seconds = DurationParser.seconds(since), seconds > 0 else {
                    throw CommandFailure.badInput("--since: '\(since)' is not a duration like 24h, 7d or 2w")
                }
                filter.since = now.addingTimeInterval(-Double(seconds))
            }
            filter.minSeverity = try minSeverity.map { try Self.severity($0, option: "--min-severity") }
            filter.severity = try severity.map { try Self.severity($0, option: "--severity") }
            filter.kinds = try Self.kinds(kind)
            if let state {
                guard let parsed = FindingRecord.State(rawValue: state.lowercased()) else {
                    throw CommandFailure.badInput("--state: '\(state)' is not new or acked")
                }
                filter.state = parsed
            }
            if let label {
                guard let parsed = FindingRecord.Label(rawValue: label.lowercased()) else {
                    throw CommandFailure.badInput("--label: '\(label)' is not hostile, benign, agent or human")
                }
                filter.label = parsed
            }
            return filter
        }

        /// `--kind attack --kind coverage` and `--kind attack,coverage` alike, each kind once.
        static func kinds(_ values: [String]) throws -> [FindingKind] {
            var kinds: [FindingKind] = []
            for value in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
                guard let kind = FindingKind(rawValue: value.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw CommandFailure.badInput("--kind: '\(value)' is not attack, coverage or mention")
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            return kinds
        }

        static func severity(_ text: String, option: String) throws -> Severity {
            guard let parsed = Severity(rawValue: text.lowercased()) else {
                throw CommandFailure.badInput("\(option): '\(text)' is not none, low, medium or high")
            }
            return parsed
        }
    }
}
