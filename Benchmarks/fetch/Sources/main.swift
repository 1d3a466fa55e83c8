import Foundation
import VigilFeeds

/// One poll cycle over a list of feeds with vigil's fetcher, for Benchmarks/fetch/bench.py.
/// Input: a TSV file, one feed a line: URL, then optionally a tab and the ETag to send.
/// Output: one JSON object with the counts and the wall time of the cycle.
@main
enum FetchBenchmark {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, default value: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
                  let parsed = Int(arguments[index + 1]) else { return value }
            arguments.removeSubrange(index...(index + 1))
            return parsed
        }
        let total = option("--max-total", default: 32)
        let perHost = option("--max-per-host", default: 2)
        guard let listPath = arguments.first else {
            FileHandle.standardError.write(Data("usage: FetchBenchmark FEEDS.tsv [--max-total N] [--max-per-host N]\n".utf8))
            exit(2)
        }
        let requests = try String(contentsOfFile: listPath, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return FetchRequest(url: String(fields[0]), etag: fields.count > 1 && !fields[1].isEmpty ? String(fields[1]) : nil)
        }
        // The gap between requests to one host is politeness towards real sites; a
        // benchmark on loopback measures the engine, so it is off here.
        let fetcher = try FeedFetcher(configuration: FetchConfiguration(
            userAgent: FetchConfiguration.userAgent(version: "benchmark"),
            maxConcurrentTransfers: total, maxConcurrentPerHost: perHost, minimumHostGap: .zero))
        let clock = ContinuousClock()
        let start = clock.now
        var fetched = 0, notModified = 0, failed = 0
        var bodyBytes = 0
        var firstFailure: String?
        await withTaskGroup(of: FetchResult.self) { group in
            for request in requests {
                group.addTask { await fetcher.fetch(request) }
            }
            for await result in group {
                switch result.outcome {
                case .fetched(let body):
                    fetched += 1
                    bodyBytes += body.count
                case .notModified:
                    notModified += 1
                case .failed(let failure):
                    failed += 1
                    if firstFailure == nil { firstFailure = failure.message }
                }
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var report: [String: Any] = [
            "feeds": requests.count, "fetched": fetched, "not_modified": notModified, "failed": failed,
            "body_bytes": bodyBytes, "seconds": seconds,
        ]
        if let firstFailure { report["first_failure"] = firstFailure }
        let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }
}
