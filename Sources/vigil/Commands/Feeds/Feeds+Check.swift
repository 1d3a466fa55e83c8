import ArgumentParser
import Foundation
import VigilFeeds

extension Vigil.Feeds {
    /// Fetches one feed the way the daemon would and explains every step, so a
    /// person can see why a feed fails, is slow, or is read as broken.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch and parse one feed, and explain what happened."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A feed URL.") var url: String

        @Option(help: ArgumentHelp("Send this ETag as If-None-Match, as a stored feed would.", valueName: "etag"))
        var etag: String?

        @Option(name: .customLong("last-modified"), help: ArgumentHelp("Send this date as If-Modified-Since.", valueName: "date"))
        var lastModified: String?

        @Flag(name: .customLong("allow-file"), help: "Allow a file:// URL (as poll.allow_file_urls does).")
        var allowFile = false

        @Flag(help: "Print one JSON object instead of the explanation.")
        var json = false

        func run() async throws {
            let allowPrivate = try CommandContext.loadConfig(global)?.poll.allowPrivateAddresses ?? false
            let fetcher = try FeedFetcher(configuration: FetchConfiguration(
                userAgent: FetchConfiguration.userAgent(version: VigilVersion.string),
                minimumHostGap: .zero, allowFileURLs: allowFile, allowPrivateAddresses: allowPrivate))
            let result = await fetcher.fetch(FetchRequest(url: url, etag: etag, lastModified: lastModified))
            if let failure = result.failure, failure.kind == .invalidURL || failure.kind == .unsupportedScheme,
               result.status == nil, result.redirects.isEmpty {
                throw CommandFailure.badInput(failure.message)
            }
            let parsed = result.body.map { FeedParser.parse($0, contentType: result.contentType, url: result.finalURL) }
            let report = FeedCheckReport(result: result, feed: parsed)
            if json {
                print(try report.json())
            } else {
                print(report.text, terminator: "")
            }
            if let failure = result.failure {
                throw CommandFailure.runtime(failure.message)
            }
        }
    }
}
