import Foundation
import Testing
import VigilDaemon
import VigilStore

/// A feed added while a cycle over due feeds is running is taken by that
/// cycle, not left for the next one.
@Suite struct CycleLateFeedTests {
    @Test func aFeedThatFallsDueDuringACycleIsPolledByIt() async throws {
        let body = PipelineHarness.rss([(guid: "1", title: "ferrule 3.0", body: "<p>A release.</p>")])
        let harness = try PipelineHarness(
            routes: [["path": "/slow.xml", "body": body, "delay": 8], ["path": "/late.xml", "body": body]],
            people: [PersonSpec(name: "Julian Marsh")])
        _ = try harness.addFeed("/slow.xml")
        let watchlist = WatchlistSnapshot(entries: try harness.store.people())
        let cycle = harness.cycle
        let running = Task { try await cycle.run(dueOnly: true, watchlist: watchlist) }

        // Add the second feed while the first is still being fetched.
        let deadline = Date().addingTimeInterval(600)
        while try !harness.server.requests().contains(where: { $0.path == "/slow.xml" }) {
            try #require(Date() < deadline, "the first feed was never fetched")
            try await Task.sleep(for: .milliseconds(100))
        }
        _ = try harness.addFeed("/late.xml")

        let report = try await running.value
        #expect(report.feedsPolled == 2)
        #expect(try harness.server.requests().map(\.path).sorted() == ["/late.xml", "/slow.xml"])
    }
}
