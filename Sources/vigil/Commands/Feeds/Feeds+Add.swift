import ArgumentParser
import VigilDaemon
import VigilStore
import VigilText

extension Vigil.Feeds {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a feed, or a search template holding {query}.",
            discussion: "A URL holding {query} is expanded for every watched name and alias at each poll."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The feed URL.")
        var url: String

        @Option(help: ArgumentHelp("Poll interval, e.g. 30m (default: the config's poll.interval).", valueName: "duration"))
        var every: String?

        @Option(help: "A title to show instead of the feed's own.")
        var title: String?

        @Option(name: .customLong("tag"), help: "A tag (repeatable).")
        var tags: [String] = []

        func run() async throws {
            var interval: Int?
            if let every {
                guard let seconds = DurationParser.seconds(every), seconds > 0 else {
                    throw CommandFailure.badInput("--every: not a duration: \(every) (try 15m, 1h, 1d)")
                }
                interval = seconds
            }
            let context = try await CommandContext.open(global)
            let feed = try context.store.addFeed(
                FeedSpec(url: url, title: title, tags: tags, intervalSeconds: interval),
                defaultIntervalSeconds: context.defaultIntervalSeconds)
            let what = feed.kind == .query ? "search template" : "feed"
            Output.line("added \(what) \(URLRedaction.redacted(feed.url)) (every \(DurationFormatter.string(seconds: feed.intervalSeconds)))")
        }
    }
}
