import ArgumentParser
import VigilText
import Foundation
import VigilDaemon
import VigilFeeds
import VigilStore

extension Vigil.Feeds {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List feeds with their health."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print one JSON array for scripts.")
        var json = false

        @Flag(help: "Only feeds whose last poll failed.")
        var failing = false

        /// The JSON shape of a feed; stable for scripts.
        struct Row: Encodable {
            let url: String
            let kind: String
            let title: String?
            let siteUrl: String?
            let tags: [String]
            let intervalSeconds: Int
            let nextPollAt: Date
            let enabled: Bool
            let disabledReason: String?
            let lastPolledAt: Date?
            let lastSuccessAt: Date?
            let lastStatus: Int?
            let lastError: String?
            let consecutiveFailures: Int
            let lastBytes: Int?
            let lastDurationMs: Int?
            /// Who added it: `config`, `cli`, or `followed` (vigil, following an attacker's trail).
            let source: String
            let addedReason: String?
            let followedFindingID: Int64?
            let followedAccount: String?

            enum CodingKeys: String, CodingKey {
                case url, kind, title, tags, enabled, source
                case addedReason = "added_reason", followedFindingID = "followed_finding_id", followedAccount = "followed_account"
                case siteUrl = "site_url", intervalSeconds = "interval_seconds", nextPollAt = "next_poll_at"
                case disabledReason = "disabled_reason", lastPolledAt = "last_polled_at", lastSuccessAt = "last_success_at"
                case lastStatus = "last_status", lastError = "last_error", consecutiveFailures = "consecutive_failures"
                case lastBytes = "last_bytes", lastDurationMs = "last_duration_ms"
            }

            init(_ feed: FeedRecord) {
                url = feed.url
                kind = feed.kind.rawValue
                title = feed.title
                siteUrl = feed.siteUrl
                tags = feed.tags
                intervalSeconds = feed.intervalSeconds
                nextPollAt = feed.nextPollAt
                enabled = feed.enabled
                disabledReason = feed.disabledReason
                lastPolledAt = feed.lastPolledAt
                lastSuccessAt = feed.lastSuccessAt
                lastStatus = feed.lastStatus
                lastError = feed.lastError
                consecutiveFailures = feed.consecutiveFailures
                lastBytes = feed.lastBytes
                lastDurationMs = feed.lastDurationMs
                source = feed.managedByConfig ? "config" : feed.addedReason != nil ? "followed" : "cli"
                addedReason = feed.addedReason
                followedFindingID = feed.followedFindingId
                followedAccount = feed.followedAccount
            }
        }

        func run() async throws {
            let context = try await CommandContext.open(global)
            var feeds = try context.store.feeds()
            if failing { feeds = feeds.filter { $0.consecutiveFailures > 0 } }
            if json {
                try Output.json(feeds.map(Row.init))
                return
            }
            guard !feeds.isEmpty else {
                Output.line(failing ? "no failing feeds" : "no feeds yet; add one with `vigil feeds add URL` or `vigil feeds import FILE.opml`")
                return
            }
            let now = Date()
            var table = ColumnLayout(headers: ["URL", "TITLE", "EVERY", "NEXT", "STATUS", "FAILS", "SIZE", "TIME", "LAST ERROR"])
            for feed in feeds {
                table.append([
                    URLRedaction.redacted(feed.url),
                    Self.clip(feed.title ?? "", 30),
                    DurationFormatter.string(seconds: feed.intervalSeconds),
                    feed.enabled ? DurationFormatter.relative(feed.nextPollAt, now: now) : "disabled",
                    Self.status(feed),
                    feed.consecutiveFailures == 0 ? "" : String(feed.consecutiveFailures),
                    feed.lastBytes.map(ByteCountFormatting.string) ?? "",
                    feed.lastDurationMs.map { "\($0)ms" } ?? "",
                    Self.clip(URLRedaction.redactingURLs(in: feed.disabledReason ?? feed.lastError ?? ""), 60),
                ])
            }
            Output.line(table.render().joined(separator: "\n"))
            let followed = feeds.filter { $0.addedReason != nil }
            if !followed.isEmpty {
                Output.line("")
                Output.line("Added by vigil (remove with `vigil feeds rm URL`):")
                for feed in followed {
                    Output.line("  \(URLRedaction.redacted(feed.url))  \(Self.clip(URLRedaction.redactingURLs(in: feed.addedReason ?? ""), 160))")
                }
            }
        }

        static func status(_ feed: FeedRecord) -> String {
            if feed.kind == .query { return feed.lastStatus.map(String.init) ?? "template" }
            return feed.lastStatus.map(String.init) ?? (feed.lastPolledAt == nil ? "new" : "error")
        }

        /// Feed-derived text for a table cell: inert on a terminal, one line, cut.
        static func clip(_ text: String, _ limit: Int) -> String {
            UntrustedText.plain(text, limit: limit)
        }
    }
}
