import ArgumentParser
import VigilDaemon
import VigilFeeds
import VigilStore

extension Vigil.Feeds {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every feed as OPML 2.0, grouped by tag."
        )

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = try await CommandContext.open(global)
            let outlines = try context.store.feeds().map { feed in
                OPMLOutline(
                    xmlURL: feed.url, title: feed.title, htmlURL: feed.siteUrl, tags: feed.tags,
                    every: feed.intervalSeconds == context.defaultIntervalSeconds ? nil : DurationFormatter.string(seconds: feed.intervalSeconds),
                    queryTerms: feed.queryTerms, queryTermPattern: feed.queryTermPattern)
            }
            Output.text(OPMLWriter.write(outlines, title: "vigil feeds"))
        }
    }
}
