import VigilText
import ArgumentParser
import Foundation
import VigilDaemon
import VigilStore

extension Vigil.Findings {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one finding and why vigil raised it: scores, evidence, model, item and feed."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The finding ID.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        /// The JSON shape of an explained finding; stable for scripts.
        struct Explanation: Encodable {
            let finding: FindingExportRow
            let itemText: String?
            /// How the source's history weighed in; null for search results, which carry none.
            let sourcePrior: String?
            /// What the finding relates to (for coverage, the attack it covers); always present.
            let related: [RelatedEntry]
            /// What dashboard users did to it, oldest first; always present.
            let history: [HistoryEntry]

            enum CodingKeys: String, CodingKey {
                case finding, related, history
                case itemText = "item_text"
                case sourcePrior = "source_prior"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(finding, forKey: .finding)
                try container.encode(itemText, forKey: .itemText)
                try container.encode(sourcePrior, forKey: .sourcePrior)
                try container.encode(related, forKey: .related)
                try container.encode(history, forKey: .history)
            }
        }

        /// One action on the finding: who, what, when, and the note.
        struct HistoryEntry: Encodable {
            let user: String
            let action: String
            let detail: String?
            let at: Date

            init(_ entry: AuditEntry) {
                user = entry.userName
                action = entry.action
                detail = entry.detail
                at = entry.at
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(user, forKey: .user)
                try container.encode(action, forKey: .action)
                try container.encode(detail, forKey: .detail)
                try container.encode(at, forKey: .at)
            }

            enum CodingKeys: String, CodingKey {
                case user, action, detail, at
            }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            guard let detail = try context.store.findingDetail(id: id) else {
                throw CommandFailure.badInput("no finding with ID \(id)")
            }
            if json {
                var row: FindingExportRow?
                try context.store.forEachExportRow(matching: FindingFilter(id: id)) { row = $0 }
                guard let row else { throw CommandFailure.runtime("finding \(id) changed while it was read; try again") }
                try List.printJSON(
                    Explanation(
                        finding: row, itemText: detail.item.text,
                        sourcePrior: Self.sourcePriorExplanation(for: detail, store: context.store),
                        related: RelatedEntry.list(detail.related, detail.finding.closedPullRequest),
                        history: try context.store.auditLog(findingID: id).map(HistoryEntry.init)),
                    pretty: true)
                return
            }
            Output.text(Self.explain(detail, now: Date(), store: context.store))
        }

        /// How the source's history (the agent scores of its earlier posts, the
        /// feed's own description) moved the agent score, recomputed with the
        /// cutoff the scorer used: posts first seen in earlier polls, and posts
        /// of the item's own poll published before it.
        static func sourcePriorExplanation(for detail: FindingDetail, store: Store) -> String? {
            guard let found = try? SourceHistory.lookup(
                for: detail.feed, author: detail.item.author, store: store, upTo: HistoryCutoff(item: detail.item)) else {
                return nil
            }
            return SourceHistory.explanation(
                found.prior, agentAfter: detail.finding.agent, textAgent: detail.item.agent, byAuthor: found.author)
        }

        static func explain(_ detail: FindingDetail, now: Date, store: Store) -> String {
            let finding = detail.finding
            let plain = { (text: String) in UntrustedText.plain(text) }
            let score = { (value: Double) in String(format: "%.2f", value) }
            var lines: [String] = []
            lines.append("Finding \(finding.id!)  [\(finding.severity.rawValue.uppercased())]  \(finding.state.rawValue)\(finding.label.map { "  labelled \($0.rawValue)" } ?? "")")
            lines.append("")
            lines.append("Person    \(plain(detail.person.name))\(detail.teams.isEmpty ? "" : " (teams: \(detail.teams.map(plain).joined(separator: ", ")))")")
            lines.append("Kind      \(finding.kind.rawValue): \(Self.meaning(of: finding.kind))")
            if let related = detail.related, related.kind == .attack {
                let url = related.url.map { " " + plain($0) } ?? ""
                lines.append("          Covers attack finding #\(related.id): \"\(plain(related.title ?? "(untitled)"))\"\(url)")
            }
            if let pull = finding.closedPullRequest {
                let at = detail.item.publishedAt ?? detail.item.firstSeenAt
                lines.append("Trail     \(plain(pull.author)) wrote this \(plain(pull.sentence(itemAt: at)))")
                lines.append("          \"\(plain(pull.title))\" \(plain(pull.url))\(finding.kind == .attack ? " (severity raised one step)" : "")")
            }
            lines.append("Scores    attack \(score(finding.attack))   hostility \(score(finding.hostility))   agent \(score(finding.agent))")
            lines.append("          attack: hostility aimed at this person; agent: how likely an autonomous agent wrote it")
            lines.append("Model     \(plain(finding.modelVersion))")
            lines.append("Found     \(iso(finding.createdAt)) (\(DurationFormatter.relative(finding.createdAt, now: now)))\(finding.updatedAt > finding.createdAt ? ", updated \(iso(finding.updatedAt))" : "")")
            lines.append("")
            lines.append("Item      \(plain(detail.item.title ?? "(untitled)"))")
            if let url = detail.item.url { lines.append("          \(plain(url))") }
            var byline: [String] = []
            if let author = detail.item.author, !plain(author).isEmpty { byline.append("by \(plain(author))") }
            if let published = detail.item.publishedAt { byline.append("published \(iso(published))") }
            byline.append("first seen \(iso(detail.item.firstSeenAt))")
            lines.append("          \(byline.joined(separator: ", "))")
            lines.append("Feed      \(plain(detail.feed.title ?? "(untitled)"))  \(plain(URLRedaction.redacted(detail.feed.url)))")
            lines.append("")
            if finding.evidence.isEmpty {
                lines.append("Evidence  none recorded")
            } else {
                lines.append("Evidence  (offsets in Unicode scalars of the item's text)")
                for evidence in finding.evidence {
                    lines.append("  [\(evidence.kind.rawValue) \(score(evidence.score))] \(evidence.start)–\(evidence.end)")
                    lines.append("    \"\(UntrustedText.plain(evidence.text, limit: 400))\"")
                }
            }
            lines.append("")
            lines.append("Source prior")
            if let prior = sourcePriorExplanation(for: detail, store: store) {
                lines.append("  \(plain(prior))")
            } else {
                lines.append("  none: search results mix many authors, so they carry no source history")
            }
            let history = (try? store.auditLog(findingID: finding.id!)) ?? []
            if !history.isEmpty {
                lines.append("")
                lines.append("History")
                for entry in history {
                    let note = entry.detail.map { ": \(plain($0))" } ?? ""
                    lines.append("  \(iso(entry.at))  \(plain(entry.userName)) \(plain(entry.action))\(note)")
                }
            }
            lines.append("")
            lines.append("Triage    vigil findings ack \(finding.id!)   |   vigil findings label \(finding.id!) hostile|benign|agent|human")
            return lines.joined(separator: "\n") + "\n"
        }

        /// What a kind says about the text, in the words of `vigil findings show`.
        static func meaning(of kind: FindingKind) -> String {
            switch kind {
            case .attack: "the author attacks this person (or reports or plans doing so)"
            case .coverage: "reports on, quotes or discusses an attack or controversy involving this person"
            case .mention: "names this person without attacking them or covering an attack"
            }
        }

        static func iso(_ date: Date) -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.string(from: date)
        }
    }
}
