import Foundation
import Testing
import VigilFeeds

/// Runs the feedparser and gofeed conformance suites from ../shared/testdata/feeds.
///
/// Swift parses every fixture; `feed_conformance.py` (Python standard library
/// only) maps each suite's expectations onto vigil's model: feedparser's
/// `Expect:` lines are Python expressions, evaluated against a feedparser-shaped
/// view of vigil's result, and gofeed's expected JSON is compared field by
/// field. A case is skipped only when it checks a field vigil's model does not
/// carry; the skip reasons are printed grouped by field (see docs/parser.md).
@Suite struct FeedConformanceTests {
    static let fixtures = ConformanceFixtures.locate()
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: fixtures != nil && python != nil,
                   "needs ../shared/testdata/feeds (the conformance suites) and python3; absent, so skipped"))
    func feedparserSuite() throws {
        let summary = try run(suite: "feedparser", records: try feedparserRecords())
        #expect(summary.passRate >= 0.95, "feedparser pass rate \(summary.passRate)")
        #expect(summary.passed > 0)
    }

    @Test(.enabled(if: fixtures != nil && python != nil,
                   "needs ../shared/testdata/feeds (the conformance suites) and python3; absent, so skipped"))
    func gofeedSuite() throws {
        let summary = try run(suite: "gofeed", records: try gofeedRecords())
        #expect(summary.passRate >= 0.95, "gofeed pass rate \(summary.passRate)")
        #expect(summary.passed > 0)
    }

    @Test(.enabled(if: fixtures != nil, "needs ../shared/testdata/feeds (the conformance suites); absent, so skipped"))
    func everyFixtureAndItsTruncationsParse() throws {
        // No file may crash or hang the parser, whole or cut off like an interrupted download.
        let fixtures = try #require(Self.fixtures)
        let files = fixtures.files(under: ".", extensions: ["xml", "rdf", "json"])
        #expect(files.count > 2_000)
        var parsed = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            for length in Set([bytes.count, bytes.count * 2 / 3, bytes.count / 3, min(bytes.count, 1)]) {
                let feed = FeedParser.parse(Array(bytes[0..<length]))
                if length < bytes.count / 2, feed.format != .jsonFeed10, feed.format != .jsonFeed11, bytes.count > 200 {
                    #expect(feed.bozo, "\(fixtures.relativePath(url)) cut at \(length) bytes is not flagged")
                }
                parsed += 1
            }
        }
        #expect(parsed >= files.count * 3)
    }

    // MARK: - Records

    private func feedparserRecords() throws -> [[String: Any]] {
        let fixtures = try #require(Self.fixtures)
        var records: [[String: Any]] = []
        for url in fixtures.files(under: "feedparser", extensions: ["xml", "rdf", "json"]) {
            let bytes = [UInt8](try Data(contentsOf: url))
            let path = fixtures.relativePath(url)
            guard let header = ConformanceFixtures.feedparserHeader(bytes, isJSON: url.pathExtension == "json") else {
                records.append(["path": path, "error": "no Expect: header"])
                continue
            }
            // Upstream serves files under an "http" path over HTTP: the Content-Type
            // (default text/xml) and Content-Location then take part, and the request
            // URL is the base URI.
            let served = path.contains("http")
            var contentType: String? = served ? "text/xml" : nil
            var url: String? = served ? "http://127.0.0.1:8097/tests/" + path.dropFirst("feedparser/".count) : nil
            for (name, value) in header.headers {
                switch name.lowercased() {
                case "content-type": contentType = value
                case "content-location": url = resolve(value, against: url)
                default: break
                }
            }
            let feed = FeedParser.parse(bytes, contentType: contentType, url: url)
            var record: [String: Any] = [
                "path": path, "description": header.description, "expect": header.expect,
                "feed": try encode(feed),
            ]
            if let skip = header.skipUnless { record["skip_unless"] = skip }
            records.append(record)
        }
        return records
    }

    private func gofeedRecords() throws -> [[String: Any]] {
        let fixtures = try #require(Self.fixtures)
        var records: [[String: Any]] = []
        let inputs = fixtures.files(under: "gofeed", extensions: ["xml", "json"]).filter { url in
            let name = url.deletingPathExtension().lastPathComponent
            if name.hasSuffix("_expected") { return false }
            // An .json next to an .xml of the same name is that input's expectation.
            if url.pathExtension == "json",
               FileManager.default.fileExists(atPath: url.deletingPathExtension().appendingPathExtension("xml").path) {
                return false
            }
            return true
        }
        for url in inputs {
            let path = fixtures.relativePath(url)
            let expectation: URL
            if url.pathExtension == "xml" {
                expectation = url.deletingPathExtension().appendingPathExtension("json")
            } else {
                expectation = url.deletingPathExtension().appendingPathExtension("json")
                    .deletingLastPathComponent()
                    .appendingPathComponent(url.deletingPathExtension().lastPathComponent + "_expected.json")
            }
            let feed = FeedParser.parse([UInt8](try Data(contentsOf: url)))
            var record: [String: Any] = ["path": path, "feed": try encode(feed)]
            if let data = try? Data(contentsOf: expectation) {
                record["expected"] = try JSONSerialization.jsonObject(with: data)
            }
            records.append(record)
        }
        return records
    }

    private func encode(_ feed: ParsedFeed) throws -> Any {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return try JSONSerialization.jsonObject(with: try encoder.encode(feed))
    }

    private func resolve(_ reference: String, against base: String?) -> String {
        guard let base, let baseURL = URL(string: base), let url = URL(string: reference, relativeTo: baseURL) else {
            return reference
        }
        return url.absoluteString
    }

    // MARK: - Evaluation

    struct Summary {
        var passed = 0
        var failed = 0
        var skipped = 0
        var passRate: Double { passed + failed == 0 ? 0 : Double(passed) / Double(passed + failed) }
    }

    private func run(suite: String, records: [[String: Any]]) throws -> Summary {
        let python = try #require(Self.python)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-conformance-\(suite)-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let recordsFile = directory.appendingPathComponent("records.jsonl")
        var lines = Data()
        for record in records {
            lines.append(try JSONSerialization.data(withJSONObject: record))
            lines.append(0x0A)
        }
        try lines.write(to: recordsFile)
        if let keep = ProcessInfo.processInfo.environment["VIGIL_CONFORMANCE_RECORDS"] {
            // For investigating a failure: keep the records the harness evaluated.
            try? lines.write(to: URL(fileURLWithPath: keep + "." + suite + ".jsonl"))
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("feed_conformance.py")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, suite, recordsFile.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        print(text)
        #expect(process.terminationStatus == 0, "the conformance harness failed")
        var summary = Summary()
        // The last line is machine-readable: {"passed": N, "failed": M, "skipped": K}.
        if let last = text.split(separator: "\n").last,
           let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Int] {
            summary.passed = object["passed"] ?? 0
            summary.failed = object["failed"] ?? 0
            summary.skipped = object["skipped"] ?? 0
        }
        return summary
    }
}
