import Foundation
import Testing
import VigilDaemon
import VigilStore

/// Poll cycles end to end: a loopback server whose feeds change between
/// cycles, the real fetcher, parser, matcher and models, and a real SQLite file.
@Suite(.serialized) struct PipelineTests {
    static let julian = PersonSpec(name: "Julian Marsh", aliases: ["ジュリアン・マーシュ"], handles: ["jmarsh"], projects: ["ferrule"], teams: ["core"])
    static let neutral = (guid: "release-1", title: "ferrule 3.0 released", body: "<p>Julian Marsh announced ferrule 3.0 today, with a faster PNG decoder and better fuzzing.</p>")
    static let unrelated = (guid: "weather", title: "Rain expected", body: "<p>The weather service expects rain over the weekend.</p>")

    @Test func newItemsBecomeFindingsAndUnchangedFeedsAreNotRescored() async throws {
        let harness = try PipelineHarness(
            routes: [["path": "/feed.xml", "body": PipelineHarness.rss([Self.neutral, Self.unrelated]), "etag": "\"v1\"",
                      "headers": ["Content-Type": "application/rss+xml"]]],
            people: [Self.julian])
        _ = try harness.addFeed("/feed.xml")

        let first = try await harness.pollAll()
        #expect(first.feedsFailed == 0)
        #expect(first.summary.itemsNew == 2)
        #expect(first.summary.findingsNew == 1)
        let findings = try harness.findings()
        #expect(findings.map(\.person.name) == ["Julian Marsh"])
        #expect(findings.first?.item.text?.contains("ferrule 3.0") == true)

        // Items mentioning nobody keep only a dedupe record.
        let texts = try harness.store.findingsWithContext(since: .distantPast).map(\.item.title)
        #expect(texts == ["ferrule 3.0 released"])

        let second = try await harness.pollAll()
        #expect(second.summary.itemsNew == 0)
        #expect(second.summary.findingsNew == 0)
        let requests = try harness.server.requests()
        #expect(requests.last?.header("If-None-Match") == "\"v1\"")
        let feed = try #require(try harness.store.feeds().first)
        #expect(feed.lastStatus == 304)
        #expect(feed.etag == "\"v1\"")
        #expect(try harness.findings().count == 1)
    }

    /// Feeds polled at once plan their findings' IDs from their own
    /// snapshots; a plan whose IDs another feed took meanwhile is planned
    /// again, so every alert names the finding it was queued for.
    @Test func concurrentFeedsNumberTheirFindingsAndAlertsConsistently() async throws {
        let routes: [[String: Any]] = (0..<12).map { index in
            let items = (0..<3).map { item in
                (guid: "post-\(index)-\(item)", title: "ferrule news \(index).\(item)",
                 body: "<p>Julian Marsh reviewed patch \(index).\(item) for ferrule and merged it.</p>")
            }
            return ["path": "/feed-\(index).xml", "body": PipelineHarness.rss(items)]
        }
        let harness = try PipelineHarness(routes: routes, people: [Self.julian])
        for index in 0..<12 { _ = try harness.addFeed("/feed-\(index).xml") }
        let report = try await harness.pollAll()
        #expect(report.feedsFailed == 0)
        #expect(report.summary.findingsNew == 36)
        #expect(report.summary.alertsQueued == 36)
        let rows = try harness.store.dueAlerts(now: .distantFuture)
        #expect(rows.count == 36)
        #expect(Set(rows.map(\.findingId)).count == 36)
        for row in rows {
            let payload = try JSONSerialization.jsonObject(with: Data(row.payload.utf8)) as? [String: Any]
            #expect((payload?["finding_id"] as? Int).map(Int64.init) == row.findingId)
            let findingID = try #require(row.findingId)
            let stored = try #require(try harness.store.findingDetail(id: findingID))
            #expect(payload?["title"] as? String == stored.item.title)
        }
    }

    @Test func anEditedItemUpdatesItsFindingInsteadOfAddingOne() async throws {
        let harness = try PipelineHarness(
            routes: [["path": "/feed.xml", "body": PipelineHarness.rss([Self.neutral])]], people: [Self.julian])
        _ = try harness.addFeed("/feed.xml")
        try await harness.pollAll()
        let before = try #require(try harness.findings().first)

        let edited = (guid: Self.neutral.guid, title: "ferrule 3.0 released",
                      body: "<p>Julian Marsh is a prejudiced, insecure gatekeeper protecting his fiefdom. He rejects every contribution out of spite and bad faith.</p>")
        try harness.server.setRoutes([["path": "/feed.xml", "body": PipelineHarness.rss([edited])]])
        let report = try await harness.pollAll()
        #expect(report.summary.itemsEdited == 1)
        #expect(report.summary.findingsNew == 0)
        #expect(report.summary.findingsUpdated == 1)
        let after = try harness.findings()
        #expect(after.count == 1)
        #expect(after[0].finding.id == before.finding.id)
        #expect(after[0].finding.attack > before.finding.attack)
        #expect(after[0].item.text?.contains("fiefdom") == true)
    }

    @Test func aFeedThatStartsAttackingAWatchedPersonRaisesAHighFinding() async throws {
        let blog = try PipelineHarness.sample("patchwright-agent-blog.json")
        let harness = try PipelineHarness(
            routes: [["path": "/blog.json", "body": #"{"version":"https://jsonfeed.org/version/1.1","title":"Patchwright","items":[]}"#,
                      "headers": ["Content-Type": "application/feed+json"]]],
            people: [Self.julian])
        _ = try harness.addFeed("/blog.json")
        let quiet = try await harness.pollAll()
        #expect(quiet.summary.findingsNew == 0)

        try harness.server.setRoutes([["path": "/blog.json", "body": blog, "headers": ["Content-Type": "application/feed+json"]]])
        let report = try await harness.pollAll()
        #expect(report.summary.findingsNew >= 1)
        let attack = try #require(try harness.findings().first { $0.item.title?.contains("Julian Marsh Story") == true })
        #expect(attack.person.name == "Julian Marsh")
        #expect(attack.finding.severity >= .medium)
        #expect(attack.finding.agent > 0.5)
        let hostile = try #require(attack.finding.evidence.first { $0.kind == .hostile })
        // Evidence offsets are Unicode scalars into the stored text.
        let text = try #require(attack.item.text)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[hostile.start..<hostile.end])) == hostile.text)
        #expect(report.summary.alertsQueued >= 1)
    }

    @Test func aFailingFeedBacksOffAndRecovers() async throws {
        let harness = try PipelineHarness(
            routes: [["path": "/feed.xml", "status": 500, "body": "oops"]], people: [Self.julian])
        _ = try harness.addFeed("/feed.xml")
        let failed = try await harness.pollAll()
        #expect(failed.feedsFailed == 1)
        var feed = try #require(try harness.store.feeds().first)
        #expect(feed.consecutiveFailures == 1)
        #expect(feed.lastStatus == 500)
        #expect(feed.lastError?.contains("500") == true)
        #expect(feed.nextPollAt > Date())
        #expect(try harness.findings().isEmpty)
        #expect(feed.lastSuccessAt == nil)

        try harness.server.setRoutes([["path": "/feed.xml", "body": PipelineHarness.rss([Self.neutral])]])
        let recovered = try await harness.pollAll()
        #expect(recovered.feedsFailed == 0)
        feed = try #require(try harness.store.feeds().first)
        #expect(feed.consecutiveFailures == 0)
        #expect(feed.lastError == nil)
        #expect(try harness.findings().count == 1)
    }

    @Test func goneDisablesTheFeed() async throws {
        let harness = try PipelineHarness(routes: [["path": "/feed.xml", "status": 410]], people: [Self.julian])
        _ = try harness.addFeed("/feed.xml")
        try await harness.pollAll()
        let feed = try #require(try harness.store.feeds().first)
        #expect(!feed.enabled)
        #expect(feed.disabledReason?.contains("410") == true)
        let again = try await harness.pollAll()
        #expect(again.feedsPolled == 0)
    }

    @Test func theSameContentAtAnotherFeedIsNotScoredAgain() async throws {
        let body = PipelineHarness.rss([Self.neutral])
        let harness = try PipelineHarness(
            routes: [["path": "/a.xml", "body": body], ["path": "/b.xml", "body": body.replacingOccurrences(of: "<guid>release-1", with: "<guid>mirror-1")]],
            people: [Self.julian])
        _ = try harness.addFeed("/a.xml")
        try await harness.pollAll()
        _ = try harness.addFeed("/b.xml")
        try await harness.pollAll()
        #expect(try harness.findings().count == 1)
    }

    @Test func searchTemplatesExpandForEveryWatchedName() async throws {
        let harness = try PipelineHarness(
            routes: [["path": "/search", "body": PipelineHarness.rss([Self.neutral])]], people: [Self.julian])
        try harness.store.addFeed(FeedSpec(url: harness.server.url("/search?q={query}")), defaultIntervalSeconds: 900)
        try await harness.pollAll()
        let targets = Set(try harness.server.requests().map(\.target))
        #expect(targets.contains("/search?q=Julian%20Marsh"))
        #expect(targets.contains("/search?q=%E3%82%B8%E3%83%A5%E3%83%AA%E3%82%A2%E3%83%B3%E3%83%BB%E3%83%9E%E3%83%BC%E3%82%B7%E3%83%A5"))
        #expect(try harness.findings().count == 1)
    }

    @Test func anEditThatTonesAnAttackDownKeepsTheFindingAndItsEvidence() async throws {
        let attack = (guid: "post-1", title: "About ferrule",
                      body: "<p>Julian Marsh is a prejudiced, insecure gatekeeper protecting his fiefdom. He rejects every contribution out of spite and bad faith.</p>")
        let harness = try PipelineHarness(routes: [["path": "/feed.xml", "body": PipelineHarness.rss([attack])]], people: [Self.julian])
        _ = try harness.addFeed("/feed.xml")
        try await harness.pollAll()
        let before = try #require(try harness.findings().first)
        #expect(before.finding.severity >= .medium)

        let toned = (guid: "post-1", title: "About ferrule", body: "<p>Julian Marsh maintains ferrule. Thanks for the quick review.</p>")
        try harness.server.setRoutes([["path": "/feed.xml", "body": PipelineHarness.rss([toned])]])
        let report = try await harness.pollAll()
        #expect(report.summary.itemsEdited == 1)
        let after = try #require(try harness.findings().first)
        #expect(after.finding.severity == before.finding.severity)
        #expect(after.finding.evidence == before.finding.evidence)
        #expect(after.item.text == before.item.text)
    }

    @Test func theSameContentInTwoFeedsOfOneCycleIsOneFinding() async throws {
        let body = PipelineHarness.rss([Self.neutral])
        let mirror = body.replacingOccurrences(of: "<guid>release-1", with: "<guid>mirror-1")
        let harness = try PipelineHarness(
            routes: [["path": "/a.xml", "body": body], ["path": "/b.xml", "body": mirror]], people: [Self.julian])
        _ = try harness.addFeed("/a.xml")
        _ = try harness.addFeed("/b.xml")
        try await harness.pollAll()
        #expect(try harness.findings().count == 1)
    }
}
