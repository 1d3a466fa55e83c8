import ArgumentParser
import Foundation
import VigilDaemon
import VigilFeeds
import VigilStore

extension Vigil.Feeds {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import feeds from an OPML 1.0 or 2.0 file.",
            discussion: """
                Nested outlines and category attributes become tags. Feeds already present are \
                skipped; a broken file or a bad URL imports nothing.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "An OPML file, or - for standard input.")
        var file: String

        func run() async throws {
            let bytes: [UInt8]
            do {
                bytes = file == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile())
                    : Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw CommandFailure.badInput("cannot read \(file): \(error.localizedDescription)")
            }
            let outlines: [OPMLOutline]
            do {
                outlines = try OPMLReader.read(bytes)
            } catch let error as OPMLError {
                throw CommandFailure.badInput("\(file): \(error)")
            }
            guard !outlines.isEmpty else {
                throw CommandFailure.badInput("\(file): the OPML file lists no feeds (no outline has an xmlUrl)")
            }
            let specs = try outlines.map { outline in
                var interval: Int?
                if let every = outline.every {
                    guard let seconds = DurationParser.seconds(every), seconds > 0 else {
                        throw CommandFailure.badInput("\(file): vigil:every=\"\(every)\" is not a duration for \(outline.xmlURL)")
                    }
                    interval = seconds
                }
                return FeedSpec(
                    url: outline.xmlURL, title: outline.title, siteURL: outline.htmlURL, tags: outline.tags,
                    queryTerms: outline.queryTerms, queryTermPattern: outline.queryTermPattern, intervalSeconds: interval)
            }
            let context = try await CommandContext.open(global)
            let summary = try context.store.importFeeds(specs, defaultIntervalSeconds: context.defaultIntervalSeconds)
            let templates = specs.filter { $0.isQueryTemplate && summary.added.contains($0.url) }.count
            var message = "imported \(summary.added.count) feeds"
            if templates > 0 { message += " (\(templates) of them search templates)" }
            if !summary.alreadyPresent.isEmpty { message += "; \(summary.alreadyPresent.count) already present" }
            Output.line(message + " from \(file)")
        }
    }
}
