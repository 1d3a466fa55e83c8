import Foundation
import Testing
import VigilDaemon
import VigilStore
import VigilScoring
import VigilTestSupport

/// The whole trail on loopback (`GitHubTrailWorld`): one cycle reads the
/// repository, follows the agent's link, finds the attack, traces it to the
/// closed pull request and subscribes the site's feed; the next cycle finds
/// the agent's new post.
@Suite(.serialized) struct DiscoveryTrailTests {
    static let maintainer = PersonSpec(
        name: GitHubTrailWorld.maintainer.name, handles: [GitHubTrailWorld.maintainer.handle],
        projects: [GitHubTrailWorld.maintainer.project])

    static func harness(allowPrivate: Bool = true) throws -> (PipelineHarness, GitHubTrailWorld) {
        let harness = try PipelineHarness(routes: [], people: [maintainer]) { config in
            config.poll.allowPrivateAddresses = allowPrivate
            config.poll.followLinks = true
        }
        let world = try GitHubTrailWorld(server: harness.server)
        try harness.store.addGitHubRepository(GitHubRepositorySpec(repo: GitHubTrailWorld.repo, apiURL: world.apiURL))
        return (harness, world)
    }

    @Test func oneCycleFollowsTheTrailAndTheNextFindsTheNewPost() async throws {
        let (harness, world) = try Self.harness()

        // Cycle one: the repository, the comment, the page, the feed.
        let first = try await harness.pollAll()
        #expect(first.storeFailure == nil)
        #expect(first.repositories.count == 1)
        #expect(first.repositories.first?.failure == nil)
        #expect(first.repositories.first?.comments == 1)
        #expect(first.links.followed == 1)
        #expect(first.links.feedsSubscribed == [world.feedURL])

        let findings = try harness.store.findings(matching: FindingFilter())
        let attack = try #require(findings.first { $0.itemURL == world.pageURL })
        #expect(attack.finding.kind == .attack)
        #expect(attack.finding.severity >= .medium)
        #expect(attack.itemTitle == "Why Ilse Brandvold Fears Better Code")
        let pull = try #require(attack.finding.closedPullRequest)
        #expect(pull.url == world.pullURL)
        #expect(pull.number == 42)
        #expect(pull.closedBy == "ibrandvold")
        #expect(pull.author == "cinder-agent")
        #expect(pull.repo == GitHubTrailWorld.repo)

        let followed = try #require(try harness.store.feed(url: world.feedURL))
        #expect(followed.tags == ["followed"])
        #expect(followed.followedFindingId == attack.finding.id)
        #expect(followed.followedAccount == "cinder-agent")
        #expect(followed.addedReason?.contains("finding #\(attack.finding.id!)") == true)
        #expect(try harness.store.feeds().map(\.url) == [followed.url], "the GitHub and page rows are not feeds")
        // The alert says it in words.
        let alert = try #require(try harness.store.dueAlerts(now: Date().addingTimeInterval(60)).first { $0.findingId == attack.finding.id })
        #expect(alert.payload.contains("closed its pull request #42 in lanternfish/lanternfish"))

        // Cycle two: the feed has a new post; the post already read as a page is not a second finding.
        try world.serveFeed(withNewPost: true)
        let requestsBefore = try harness.server.requests().count
        let second = try await harness.pollAll()
        #expect(second.storeFailure == nil)
        let after = try harness.store.findings(matching: FindingFilter())
        let fresh = try #require(after.first { $0.itemURL == world.newPostURL })
        #expect(fresh.finding.kind == .attack)
        #expect(fresh.finding.closedPullRequest?.url == world.pullURL, "the followed feed's posts are traced through its account")
        #expect(after.filter { $0.itemURL == world.pageURL }.count == 1)
        // The repository answered 304 to all three listings, and no link was followed twice.
        let requests = try harness.server.requests().dropFirst(requestsBefore)
        #expect(requests.filter { $0.path.hasPrefix(GitHubTrailWorld.apiPath) }.count == 3)
        #expect(second.repositories.first?.notModified == 3)
        #expect(!requests.contains { $0.path == "/cinder/posts/fears-better-code.html" })
    }

    @Test func aLinkToAPrivateAddressIsNotFollowedUnlessAllowed() async throws {
        // The API is on loopback too, so this repository's poll fails at the
        // address policy: nothing is read and nothing is followed.
        let (harness, world) = try Self.harness(allowPrivate: false)
        let report = try await harness.pollAll()
        #expect(report.storeFailure == nil)
        #expect(report.repositories.first?.failure?.contains("not sent") == true)
        #expect(try harness.store.githubRepositories().first?.lastError?.contains("private") == true)
        // A link queued anyway (say, by an earlier run allowed to) is refused at the fetch.
        try harness.store.queueLinks([FollowedLinkRecord(url: world.pageURL, host: "127.0.0.1", fromUrl: nil, linkedBy: "cinder-agent", queuedAt: Date())])
        let again = try await harness.pollAll()
        #expect(again.links.followed == 1 && again.links.failed == 1)
        let link = try #require(try harness.store.followedLinks().first)
        #expect(link.state == .failed)
        #expect(try harness.store.findings(matching: FindingFilter()).isEmpty)
        #expect(!(try harness.server.requests().contains { $0.path.hasPrefix("/cinder") }))
    }
}

/// The Assessment stage's use of the trail: every finding of an entry traced
/// to a closed pull request carries it, and an attack is one step more urgent.
@Suite struct TrailAssessmentTests {
    @Test func aTracedAttackIsRaisedOneStep() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-trail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(at: folder.appendingPathComponent("vigil.db").path)
        try store.addPerson(DiscoveryTrailTests.maintainer)
        let watchlist = WatchlistSnapshot(entries: try store.people())
        let text = "Ilse Brandvold is unfair to contributors like me. She closed my lanternfish pull request without looking at the benchmarks."
        let entry = PreparedEntry(key: EntryKey(dedupeKey: "post", contentHash: ContentHash.hex(of: text)), text: text)
        let feed = FeedRecord(id: 1, url: "https://cinder.example.net/feed.xml")
        let polled = PolledFeed(feed: feed, next: feed, entries: [entry], failed: false, detail: "")
        let mentions = EntryMentions([entry], watchlist: watchlist)
        // No score reaches high, so that this attack scores below high and the step
        // up shows whatever the shipped models make of it.
        var scorer = try TextScorer.shipped()
        scorer.policy.highThreshold = .infinity
        let stage = AssessmentStage(scoring: ScoringStep(scorer: scorer))
        let pull = ClosedPullRequest(
            repo: "lanternfish/lanternfish", number: 42, url: "https://github.com/lanternfish/lanternfish/pull/42",
            title: "Rewrite the tokenizer loop", author: "cinder-agent", closedBy: "ibrandvold", closedAt: Date().addingTimeInterval(-3600))

        var snapshot = PollSnapshot(statuses: [.new])
        let plain = try #require(stage.assess(polled, mentions: mentions, snapshot: snapshot, watchlist: watchlist, now: Date()).first?.findings.first)
        snapshot.trails[0] = pull
        let traced = try #require(stage.assess(polled, mentions: mentions, snapshot: snapshot, watchlist: watchlist, now: Date()).first?.findings.first)
        #expect(plain.kind == .attack && plain.closedPullRequest == nil)
        #expect(plain.severity < .high)
        #expect(traced.closedPullRequest == pull)
        #expect(traced.severity == plain.severity.raised)
        #expect(traced.attack == plain.attack, "the scores stay as scored")
    }

    @Test func severityGoesUpOneStepAndStopsAtHigh() {
        #expect(Severity.allCases.map(\.raised) == [.low, .medium, .high, .high])
    }
}
