import ArgumentParser
import Foundation
import VigilFeeds
import VigilText

extension Vigil.Feeds {
    /// Finds a site's feeds so a person can add the right URL: the feeds a page
    /// links, or, when it links none, the conventional paths that answer with a feed.
    struct Discover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the feeds a web page links to."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A web page URL.") var url: String

        @Flag(help: "Print one JSON array of the feeds found.")
        var json = false

        private struct Found: Encodable {
            let url: String
            let title: String?
            let type: String?
            let source: String
        }

        func run() async throws {
            let allowPrivate = try CommandContext.loadConfig(global)?.poll.allowPrivateAddresses ?? false
            let fetcher = try FeedFetcher(configuration: FetchConfiguration(
                userAgent: FetchConfiguration.userAgent(version: VigilVersion.string), minimumHostGap: .zero,
                allowPrivateAddresses: allowPrivate))
            let report = await FeedDiscoverer(fetcher: fetcher).discover(url)
            if let failure = report.page.failure {
                if failure.kind == .invalidURL || failure.kind == .unsupportedScheme, report.page.redirects.isEmpty {
                    throw CommandFailure.badInput(failure.message)
                }
                throw CommandFailure.runtime("could not fetch the page: \(failure.message)")
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let found = report.feeds.map { Found(url: $0.url, title: $0.title, type: $0.type, source: $0.source.rawValue) }
                print(String(decoding: try encoder.encode(found), as: UTF8.self))
            } else {
                for feed in report.feeds {
                    var line = feed.url
                    if let type = feed.type { line += "  \(type)" }
                    if let title = feed.title, !title.isEmpty { line += "  \"\(title)\"" }
                    switch feed.source {
                    case .itself: line += "  (the URL is a feed)"
                    case .linked: break
                    case .probed: line += "  (found at a conventional path; the page links no feed)"
                    }
                    print(line)
                }
            }
            if report.feeds.isEmpty {
                let tried = report.probes.map { URLRedaction.redacted($0.requestedURL) }.joined(separator: ", ")
                throw CommandFailure.runtime("no feed found: the page links none\(tried.isEmpty ? "" : ", and none of \(tried) is a feed")")
            }
        }
    }
}
