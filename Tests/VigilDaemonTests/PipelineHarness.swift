import Foundation
import Logging
import VigilAlerts
import VigilDaemon
import VigilStore
import VigilTestSupport

/// A real database, a real loopback feed server and the real pipeline with
/// the shipped models, for end-to-end tests of poll cycles.
final class PipelineHarness {
    let folder: URL
    let store: Store
    let server: FetchTestServer
    let config: VigilConfig
    let cycle: PollCycle

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `configure` changes the config before the cycle is built; links are
    /// not followed unless it says so (test items link to hosts off loopback).
    init(routes: [[String: Any]], people: [PersonSpec], configure: (inout VigilConfig) -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("vigil.db").path)
        server = try FetchTestServer(routes: routes)
        var config = VigilConfig(path: folder.appendingPathComponent("config.toml").path, databasePath: store.path)
        config.poll.hostGapSeconds = 0
        config.poll.maxConnectionsPerHost = 8
        config.poll.followLinks = false
        configure(&config)
        self.config = config
        for person in people { try store.addPerson(person) }
        cycle = try PipelineAssembly.pollCycle(
            config: config, store: store, version: "test", logger: Logger(label: "test"),
            // Every finding, of every kind and severity, queues one alert.
            router: AlertRouter(channels: [{
                var channel = ChannelSettings(name: "test", kind: .webhook)
                channel.minSeverity = "none"
                channel.kinds = FindingKind.allCases
                return channel
            }()], burstLimit: 0))
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func addFeed(_ path: String) throws -> FeedRecord {
        try store.addFeed(FeedSpec(url: server.url(path)), defaultIntervalSeconds: 900)
    }

    @discardableResult
    func pollAll() async throws -> CycleReport {
        let watchlist = WatchlistSnapshot(entries: try store.people())
        return try await cycle.run(dueOnly: false, watchlist: watchlist)
    }

    func findings() throws -> [StoredFinding] {
        try store.findingsWithContext(since: .distantPast)
    }

    static func sample(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("feeds/samples/\(name)"), encoding: .utf8)
    }

    /// An RSS 2.0 document with the given items (guid, title, HTML description).
    static func rss(_ items: [(guid: String, title: String, body: String)]) -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title><link>https://example.org/</link>"#
        for item in items {
            text += "<item><guid>\(item.guid)</guid><title>\(item.title)</title><link>https://example.org/\(item.guid)</link>"
            text += "<pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[\(item.body)]]></description></item>"
        }
        return text + "</channel></rss>"
    }
}
