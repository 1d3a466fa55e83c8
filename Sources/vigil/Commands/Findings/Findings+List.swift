import VigilText
import ArgumentParser
import Foundation
import VigilDaemon
import VigilStore

extension Vigil.Findings {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List findings, newest first."
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: FilterOptions

        @Option(help: "Show at most this many findings.")
        var limit: Int = 200

        @Flag(help: "Print one JSON array for scripts.")
        var json = false

        /// The JSON shape of a listed finding; stable for scripts.
        struct Row: Encodable {
            let id: Int64
            let createdAt: Date
            let person: String
            let severity: String
            let kind: String
            let hostility: Double
            let agent: Double
            let attack: Double
            let state: String
            let label: String?
            let title: String?
            let url: String?
            let author: String?
            let feedUrl: String
            let feedTitle: String?
            let related: [RelatedEntry]

            enum CodingKeys: String, CodingKey {
                case id, person, severity, kind, hostility, agent, attack, state, label, title, url, author, related
                case createdAt = "created_at", feedUrl = "feed_url", feedTitle = "feed_title"
            }

            init(_ listing: FindingListing) {
                id = listing.finding.id!
                createdAt = listing.finding.createdAt
                person = listing.personName
                severity = listing.finding.severity.rawValue
                kind = listing.finding.kind.rawValue
                hostility = listing.finding.hostility
                agent = listing.finding.agent
                attack = listing.finding.attack
                state = listing.finding.state.rawValue
                label = listing.finding.label?.rawValue
                title = listing.itemTitle
                url = listing.itemURL
                author = listing.itemAuthor
                feedUrl = listing.feedURL
                feedTitle = listing.feedTitle
                related = RelatedEntry.list(listing.related, listing.finding.closedPullRequest)
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(createdAt, forKey: .createdAt)
                try container.encode(person, forKey: .person)
                try container.encode(severity, forKey: .severity)
                try container.encode(kind, forKey: .kind)
                try container.encode(hostility, forKey: .hostility)
                try container.encode(agent, forKey: .agent)
                try container.encode(attack, forKey: .attack)
                try container.encode(state, forKey: .state)
                try container.encode(label, forKey: .label)
                try container.encode(title, forKey: .title)
                try container.encode(url, forKey: .url)
                try container.encode(author, forKey: .author)
                try container.encode(feedUrl, forKey: .feedUrl)
                try container.encode(feedTitle, forKey: .feedTitle)
                try container.encode(related, forKey: .related)
            }
        }

        func run() async throws {
            guard limit > 0 else { throw CommandFailure.badInput("--limit must be at least 1") }
            let now = Date()
            let filter = try filters.filter(now: now, limit: limit)
            let context = try await CommandContext.open(global)
            let findings = try context.store.findings(matching: filter)
            if json {
                try Self.printJSON(findings.map(Row.init))
                return
            }
            guard !findings.isEmpty else {
                Output.line("no findings match")
                return
            }
            var table = ColumnLayout(headers: ["ID", "SEEN", "SEVERITY", "KIND", "ATTACK", "AGENT", "STATE", "LABEL", "PERSON", "TITLE", "SOURCE"])
            for listing in findings {
                let finding = listing.finding
                let source = [listing.itemAuthor, listing.feedTitle ?? listing.feedURL]
                    .compactMap { $0.map { UntrustedText.plain($0) } }.filter { !$0.isEmpty }.joined(separator: " on ")
                table.append([
                    String(finding.id!),
                    DurationFormatter.relative(finding.createdAt, now: now),
                    finding.severity.rawValue,
                    finding.kind.rawValue,
                    String(format: "%.2f", finding.attack),
                    String(format: "%.2f", finding.agent),
                    finding.state.rawValue,
                    finding.label?.rawValue ?? "",
                    UntrustedText.plain(listing.personName),
                    UntrustedText.plain(listing.itemTitle ?? "(untitled)", limit: 50),
                    UntrustedText.plain(source, limit: 40),
                ])
            }
            Output.line(table.render().joined(separator: "\n"))
            if findings.count == limit {
                Output.note("showing the newest \(limit); narrow the filters or raise --limit to see more")
            }
        }

        /// JSON on stdout with characters a terminal could act on escaped.
        static func printJSON<T: Encodable>(_ value: T, pretty: Bool = false) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let text = UntrustedText.jsonEscapingInvisibles(String(decoding: try encoder.encode(value), as: UTF8.self))
            Output.line(text)
        }
    }
}
