import ArgumentParser
import Foundation
import VigilFeeds
import VigilText

extension Vigil {
    /// `vigil parse FILE... [--json|--stats]`: what vigil reads from feed files, without a database.
    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse feed files and print what vigil sees (no database)."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print one JSON object per file.") var json = false
        @Flag(help: "Print only counts and timing (parse and text extraction of every entry).") var stats = false
        @Argument(help: "Feed files (- for standard input), at most 10 MiB each; a directory stands for the files in it.") var files: [String]

        func validate() throws {
            if json && stats { throw ValidationError("--json and --stats cannot be combined") }
            if files.isEmpty { throw ValidationError("give at least one feed file") }
        }

        func run() async throws {
            if stats {
                try runStats()
                return
            }
            for path in try Self.expand(files) {
                let feed = FeedParser.parse(try Self.read(path), url: nil)
                let output = json ? Self.json(feed) : Self.text(feed, path: path)
                Output.line(output)
            }
        }

        private func runStats() throws {
            let start = ContinuousClock.now
            var entries = 0
            var bytes = 0
            var extractedCharacters = 0
            let paths = try Self.expand(files)
            for path in paths {
                let data = try Self.read(path)
                bytes += data.count
                let feed = FeedParser.parse(data, url: nil)
                entries += feed.entries.count
                for entry in feed.entries {
                    extractedCharacters &+= entry.plainText.utf8.count
                }
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let line = "{\"files\":\(paths.count),\"entries\":\(entries),\"bytes\":\(bytes),\"seconds\":\(String(format: "%.6f", seconds))}"
            Output.line(line)
            _ = extractedCharacters
        }

        /// The files to parse: each argument, or the regular files directly inside it when it is
        /// a directory (sorted, hidden ones skipped), so a corpus needs no shell expansion.
        private static func expand(_ arguments: [String]) throws -> [String] {
            var paths: [String] = []
            for argument in arguments {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                    paths.append(argument)
                    continue
                }
                let names: [String]
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: argument)
                } catch {
                    throw CommandFailure.badInput("cannot list \(argument): \(error.localizedDescription)")
                }
                for name in names.sorted() where !name.hasPrefix(".") {
                    let path = (argument as NSString).appendingPathComponent(name)
                    var isSubdirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isSubdirectory), !isSubdirectory.boolValue {
                        paths.append(path)
                    }
                }
            }
            return paths
        }

        /// The file's bytes, at most the fetcher's body limit (10 MiB): a larger
        /// file is an error, as a larger feed body is when polling.
        private static func read(_ path: String) throws -> [UInt8] {
            try BoundedInput.read(path)
        }

        private static func isoDate(_ date: Date?) -> String? {
            guard let date else { return nil }
            return date.formatted(.iso8601)
        }

        static func json(_ feed: ParsedFeed) -> String {
            var writer = JSONLineWriter()
            writer.object { writer in
                writer.field("format", feed.format.family)
                writer.field("version", feed.format.version)
                writer.field("title", feed.title?.plainText)
                writer.field("link", feed.link)
                writer.field("bozo", feed.bozo)
                writer.field("bozo_reason", feed.bozoReason)
                writer.field("encoding", feed.encoding)
                writer.key("entries")
                writer.array(feed.entries) { writer, entry in
                    writer.object { writer in
                        writer.field("id", entry.id)
                        writer.field("dedupe_key", entry.dedupeKey)
                        writer.field("title", entry.title?.plainText)
                        writer.field("link", entry.link)
                        writer.field("author", entry.author?.displayName)
                        writer.field("published", isoDate(entry.published ?? entry.updated))
                        writer.field("text", entry.plainText)
                    }
                }
            }
            return writer.output
        }

        /// The human-readable listing; every value from the feed is made inert
        /// for the terminal (a feed can carry escape sequences as `&#x1b;`).
        static func text(_ feed: ParsedFeed, path: String) -> String {
            let clean = { (text: String) in UntrustedText.plain(text) }
            var lines: [String] = []
            let title = clean(feed.title?.plainText ?? "(untitled)")
            lines.append("\(path): \(feed.format.family) \(feed.format.version) \"\(title)\", \(feed.entries.count) entries, \(feed.encoding)")
            if let link = feed.link { lines.append("  link: \(clean(link))") }
            if let reason = feed.bozoReason { lines.append("  bozo: \(clean(reason))") }
            for entry in feed.entries {
                let date = isoDate(entry.published ?? entry.updated) ?? "no date"
                lines.append("  - \(clean(entry.title?.plainText ?? "(untitled)")) [\(date)]")
                if let link = entry.link { lines.append("    \(clean(link))") }
                if let author = entry.author?.displayName, !author.isEmpty { lines.append("    by \(clean(author))") }
            }
            return lines.joined(separator: "\n")
        }
    }
}
