import Foundation
import VigilText

/// Measures `MentionMatcher` throughput over a JSONL corpus of feed items
/// (`{"text": ...}` per line) with a watchlist (a JSON array of people), on one
/// core, and prints one JSON object. `bench.py` generates the inputs and runs
/// this next to the Python references.
struct Arguments {
    var corpus = ""
    var watchlist = ""
    var repeats = 3
    /// Writes every mention found, one line each, to compare two builds' output.
    var dump = ""

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--corpus": corpus = iterator.next() ?? ""
            case "--watchlist": watchlist = iterator.next() ?? ""
            case "--repeats": repeats = Int(iterator.next() ?? "") ?? 3
            case "--dump": dump = iterator.next() ?? ""
            default: throw BenchmarkError("unknown argument \(argument)")
            }
        }
        if corpus.isEmpty || watchlist.isEmpty { throw BenchmarkError("usage: MatcherBenchmark --corpus FILE.jsonl --watchlist FILE.json [--repeats N] [--dump FILE]") }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct Item: Decodable { let text: String }

func seconds(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// CPU time of this thread: on a machine shared with other work, the figure
/// that says what one core does, whatever the scheduler did to the wall clock.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

do {
    let arguments = try Arguments(CommandLine.arguments)
    let decoder = JSONDecoder()
    let people = try decoder.decode([WatchedPerson].self, from: Data(contentsOf: URL(fileURLWithPath: arguments.watchlist)))
    var texts: [String] = []
    var bytes = 0
    let corpus = try String(contentsOfFile: arguments.corpus, encoding: .utf8)
    for line in corpus.split(separator: "\n", omittingEmptySubsequences: true) {
        let text = try decoder.decode(Item.self, from: Data(line.utf8)).text
        bytes += text.utf8.count
        texts.append(text)
    }

    let buildStart = ContinuousClock.now
    let matcher = MentionMatcher(people: people)
    let buildSeconds = seconds(since: buildStart)

    if !arguments.dump.isEmpty {
        var lines = ""
        for (document, text) in texts.enumerated() {
            for mention in matcher.mentions(in: text) {
                lines += "\(document)\t\(mention.personIndex)\t\(mention.kind)\t\(mention.start)\t\(mention.end)\t\(mention.sentence)\t\(mention.matched.debugDescription)\n"
            }
        }
        try Data(lines.utf8).write(to: URL(fileURLWithPath: arguments.dump))
    }

    var best = Double.infinity
    var bestCPU = Double.infinity
    var mentionCount = 0
    for _ in 0..<arguments.repeats {
        let start = ContinuousClock.now
        let startCPU = threadCPUSeconds()
        var count = 0
        for text in texts { count += matcher.mentions(in: text).count }
        bestCPU = min(bestCPU, threadCPUSeconds() - startCPU)
        best = min(best, seconds(since: start))
        mentionCount = count
    }
    let megabytes = Double(bytes) / 1_000_000
    let result: [String: Any] = [
        "tool": "vigil MentionMatcher",
        "people": people.count,
        "patterns": matcher.patternCount,
        "states": matcher.automatonSize.states,
        "byte_classes": matcher.automatonSize.byteClasses,
        "table_megabytes": Double(matcher.automatonSize.tableBytes) / 1_000_000,
        "documents": texts.count,
        "megabytes": megabytes,
        "build_seconds": buildSeconds,
        "seconds": best,
        "cpu_seconds": bestCPU,
        "mb_per_second": megabytes / best,
        "mb_per_cpu_second": megabytes / bestCPU,
        "mentions": mentionCount,
    ]
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("MatcherBenchmark: \(error)\n".utf8))
    exit(2)
}
