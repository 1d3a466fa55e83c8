import Foundation
import GRDB
import Testing
import VigilScoring
@testable import VigilStore
@testable import VigilDaemon

/// The source prior end to end: every entry of a feed is scored for agent
/// authorship, and an attack among agent-written posts carries their record,
/// with the real models, a loopback feed server and a real database file.
@Suite(.serialized) struct SourcePriorPipelineTests {
    typealias Post = (guid: String, title: String, body: String, published: Date)

    static let julian = PersonSpec(name: "Julian Marsh", projects: ["ferrule"])
    static let attack = (
        guid: "attack", title: "About ferrule",
        body: "<p>Julian Marsh is a prejudiced, insecure gatekeeper protecting his fiefdom. He rejects every contribution out of spite and bad faith.</p>")
    static let november = Date(timeIntervalSince1970: 1_794_700_800)  // 2026-11-20 00:00 UTC

    /// Clearly human posts of a personal blog, mentioning nobody.
    static let humanPosts: [(title: String, body: String)] = [
        ("Finally fixed the garage door", "ok so the garage door has been making that grinding noise since march and i finally got round to it this weekend. turns out one of the rollers had basically disintegrated. $14 part, two hours of swearing, one pinched finger. worth it though, it's so quiet now my neighbour asked if i'd replaced the whole thing lol"),
        ("sourdough attempt #6", "still flat. STILL FLAT. i did everything the video said, fed the starter twice, left it in the oven with the light on. my partner says it tastes fine and honestly it does but it looks like a frisbee. next week i'm trying a higher hydration, or maybe i'll just buy bread like a normal person"),
        ("Notes from the allotment, late October", "Pulled the last of the beans today. The squash did better than I expected given how wet September was, but the slugs got most of the lettuce again. Mum came by with a bag of garlic bulbs from her neighbour so those went in along the back fence. Hands frozen by four o'clock, back inside for tea."),
        ("why is my laptop fan always on", "genuinely no idea what's going on. nothing open except a browser with like 40 tabs (ok fair) but even with everything closed it sounds like a jet. cleaned the vents, no change. if anyone has ideas hit me up, otherwise i guess it's time to open it up and regret my life choices"),
        ("Rainy Sunday, nothing much", "Didn't do much today. Read half a detective novel that my sister lent me ages ago, made soup, watched the rain. Cat sat on the book twice. Sometimes that's the whole day and that's fine."),
    ]

    /// Clearly agent-written posts of a coding agent's blog: weekly logs, a
    /// pull request report and a changelog, mentioning nobody.
    static let agentPosts: [(title: String, body: String)] = [
        ("Contribution Log: Week 44",
         "<p>Here is a summary of my open-source contributions during week 44.</p><h2>Summary</h2><ul><li><strong>7</strong> pull requests opened across <strong>4</strong> repositories</li><li><strong>4</strong> merged, <strong>2</strong> still in review, <strong>1</strong> closed</li></ul><h2>Highlights</h2><p>In a pagination helper, I fixed an off-by-one error that skipped the last item of every page. The maintainers asked for a property-based test, which I added.</p><p>In a small CSV library, I added type annotations to the public interface, which allowed the maintainers to enable strict type checking in CI.</p><h2>Next Week</h2><ol><li>Add retries to a small HTTP client library.</li><li>Respond to review comments on the two open pull requests.</li></ol><p>Thanks to every maintainer who reviewed my work this week.</p>"),
        ("Pull Request Report: An Explicit Stack for a YAML Parser",
         "<p>I have opened a pull request that replaces the recursive descent in a YAML parser with an explicit stack. This post summarises the change.</p><h2>Problem</h2><p>A document with 10,000 nested sequences caused a stack overflow and crashed the process.</p><h2>Solution</h2><ul><li><strong>An explicit stack</strong> of parser states replaces the recursive calls.</li><li><strong>A depth limit</strong>, 512 by default, returns an error instead of growing without bound.</li><li><strong>A fuzz target</strong> that generates nested documents, as the maintainers requested.</li></ul><h2>Status</h2><p>The pull request is in review. I will update this post when it is merged.</p>"),
        ("Contribution Log: Week 46",
         "<p>Here is what I worked on during week 46.</p><h2>Summary</h2><ul><li><strong>11</strong> pull requests opened across <strong>7</strong> repositories</li><li><strong>7</strong> merged, <strong>3</strong> still in review, <strong>1</strong> closed</li></ul><h2>Highlights</h2><p>In a configuration library, I replaced a hand-written INI parser with one that reports the line and column of every error. The maintainers asked for a migration note, which I added to the changelog.</p><p>In a logging package, I removed a global lock from the hot path, which reduced the time spent formatting log lines by 18% in the project&#8217;s benchmark.</p><h2>Next Week</h2><ol><li>Finish the retry logic in a small HTTP client library.</li><li>Open a pull request that adds fuzz tests to a URL parser.</li></ol><p>Thanks to every maintainer who took the time to review my work this week.</p>"),
        ("Changelog: How I Prepare Pull Requests, Version 1.4",
         "<p>This changelog lists the changes I have made to my pull request workflow this week.</p><h3>Added</h3><ul><li>Every pull request description now includes a <strong>Testing</strong> section listing the exact commands I ran and their results.</li></ul><h3>Changed</h3><ul><li>Benchmarks are reported as the median of 20 runs, with the minimum and maximum, instead of a single run.</li></ul><h3>Fixed</h3><ul><li>Commit messages no longer exceed 72 characters per line.</li></ul><p>These changes are intended to make my contributions easier to review.</p>"),
        ("Contribution Log: Week 47",
         "<p>Here is a summary of my open-source activity during week 47.</p><h2>Summary</h2><ul><li><strong>8</strong> pull requests opened across <strong>5</strong> repositories</li><li><strong>4</strong> merged, <strong>3</strong> still in review, <strong>1</strong> closed</li></ul><h2>Highlights</h2><ul><li><strong>Retry logic:</strong> the exponential backoff change for a small HTTP client library was merged after two rounds of review.</li><li><strong>Locale handling:</strong> I fixed a date-formatting bug that only appeared with the Turkish locale, and added a regression test for it.</li></ul><p>Thank you to every maintainer who reviewed my work this week.</p>"),
    ]

    /// Posts one day apart, the first on `start`.
    static func dated(_ posts: [(title: String, body: String)], from start: Date, prefix: String) -> [Post] {
        posts.enumerated().map { index, post in
            (guid: "\(prefix)-\(index)", title: post.title, body: post.body, published: start.addingTimeInterval(Double(index) * 86_400))
        }
    }

    /// An RSS 2.0 feed, without a description, of `posts` by one author.
    static func rss(_ posts: [Post], author: String = "writer@example.org (Pat)") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var text = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Notes</title><link>https://example.org/</link>"#
        for post in posts {
            text += "<item><guid>\(post.guid)</guid><title>\(post.title)</title><link>https://example.org/\(post.guid)</link><author>\(author)</author>"
            text += "<pubDate>\(formatter.string(from: post.published))</pubDate><description><![CDATA[\(post.body)]]></description></item>"
        }
        return text + "</channel></rss>"
    }

    static func harness(serving posts: [Post]) throws -> PipelineHarness {
        let harness = try PipelineHarness(routes: [["path": "/feed.xml", "body": rss(posts)]], people: [julian])
        _ = try harness.addFeed("/feed.xml")
        return harness
    }

    /// The attack's finding, its item and the prior `vigil findings show` recomputes for it.
    static func attackFinding(in harness: PipelineHarness) throws -> (finding: FindingRecord, item: ItemRecord, prior: SourcePrior) {
        let stored = try #require(try harness.findings().first { $0.item.dedupeKey.hasSuffix("attack") })
        let feed = try #require(try harness.store.feeds().first)
        let prior = try #require(try SourceHistory.prior(
            for: feed, author: stored.item.author, store: harness.store, upTo: HistoryCutoff(item: stored.item)))
        return (stored.finding, stored.item, prior)
    }

    static func items(in harness: PipelineHarness) throws -> [ItemRecord] {
        try harness.store.read { db in try ItemRecord.order(Column("id")).fetchAll(db) }
    }

    @Test func everyEntryKeepsItsAgentScoreMentionsOrNot() async throws {
        let posts = Self.dated(Self.humanPosts, from: Self.november, prefix: "human")
        let harness = try Self.harness(serving: posts + [(Self.attack.guid, Self.attack.title, Self.attack.body, Self.november.addingTimeInterval(10 * 86_400))])
        let report = try await harness.pollAll()
        #expect(report.summary.itemsNew == 6)
        let items = try Self.items(in: harness)
        #expect(items.count == 6)
        #expect(items.allSatisfy { ($0.agent ?? -1) >= 0 && ($0.agent ?? 2) <= 1 })
        // Only the mention keeps its text.
        #expect(items.filter { $0.text != nil }.map(\.dedupeKey) == ["id:attack"])
        // The score kept is the text's own, the one the full scoring starts from.
        let scorer = try TextScorer.shipped()
        let attack = try #require(items.last)
        #expect(abs(scorer.score(attack.text!).textAgent - attack.agent!) < 1e-12)
        // Unchanged entries are not scored again.
        let again = try await harness.pollAll()
        #expect(again.summary.itemsNew == 0)
        #expect(try Self.items(in: harness).map(\.agent) == items.map(\.agent))
    }

    /// The same attack, first in a feed of agent-written posts, then in a
    /// feed of human ones: the agent posts raise its agent score, the human
    /// ones lower it, and `findings show` recomputes the prior used.
    @Test func anAttackAmongAgentPostsGetsARaisedAgentScore() async throws {
        let attack: Post = (Self.attack.guid, Self.attack.title, Self.attack.body, Self.november.addingTimeInterval(10 * 86_400))
        var scores: [String: (finding: Double, text: Double)] = [:]
        for (name, posts) in [("agent", Self.agentPosts), ("human", Self.humanPosts)] {
            let harness = try Self.harness(serving: Self.dated(posts, from: Self.november, prefix: name) + [attack])
            try await harness.pollAll()
            let (finding, item, prior) = try Self.attackFinding(in: harness)
            let text = try #require(item.agent)
            #expect(prior.posts == posts.count, "\(name)")
            #expect(abs(prior.adjust(text) - finding.agent) < 1e-9, "\(name): findings show must recompute the prior the poll used")
            scores[name] = (finding.agent, text)
        }
        let agent = try #require(scores["agent"])
        let human = try #require(scores["human"])
        #expect(agent.text == human.text)
        #expect(agent.finding > agent.text + 0.2, "\(agent)")
        #expect(human.finding < human.text, "\(human)")
    }

    /// Within one poll, only posts published before the attack are its
    /// history: agent posts dated after it leave its score as the text gave it.
    @Test func postsOfTheSamePollCountOnlyWhenPublishedBefore() async throws {
        let attack: Post = (Self.attack.guid, Self.attack.title, Self.attack.body, Self.november.addingTimeInterval(-86_400))
        let harness = try Self.harness(serving: [attack] + Self.dated(Self.agentPosts, from: Self.november, prefix: "agent"))
        try await harness.pollAll()
        let (finding, item, prior) = try Self.attackFinding(in: harness)
        #expect(prior.posts == 0)
        #expect(abs(finding.agent - item.agent!) < 1e-9)
    }

    /// Posts vigil saw in an earlier poll count whatever date the attack
    /// claims: a backdated post does not shed its source's record.
    @Test func postsOfEarlierPollsCountWhateverTheAttacksDate() async throws {
        let posts = Self.dated(Self.agentPosts, from: Self.november, prefix: "agent")
        let harness = try Self.harness(serving: posts)
        try await harness.pollAll()
        let backdated: Post = (Self.attack.guid, Self.attack.title, Self.attack.body, Self.november.addingTimeInterval(-30 * 86_400))
        try harness.server.setRoutes([["path": "/feed.xml", "body": Self.rss([backdated] + posts)]])
        try await harness.pollAll()
        let (finding, item, prior) = try Self.attackFinding(in: harness)
        #expect(prior.posts == posts.count)
        #expect(finding.agent > item.agent! + 0.2)
        #expect(abs(prior.adjust(item.agent!) - finding.agent) < 1e-9)
    }

    /// A feed that says an agent runs it keeps that description, so
    /// `findings show` reads the same declaration the poll did.
    @Test func theFeedsSelfDeclarationIsStoredForFindingsShow() async throws {
        let declared = Self.rss([(Self.attack.guid, Self.attack.title, Self.attack.body, Self.november)])
            .replacingOccurrences(of: "<title>Notes</title>", with: "<title>Notes</title><description>This blog is run autonomously by an AI coding agent.</description>")
        let harness = try PipelineHarness(routes: [["path": "/feed.xml", "body": declared]], people: [Self.julian])
        _ = try harness.addFeed("/feed.xml")
        try await harness.pollAll()
        let (finding, item, prior) = try Self.attackFinding(in: harness)
        #expect(prior.selfDeclaredAgent)
        #expect(abs(prior.adjust(item.agent!) - finding.agent) < 1e-9)
        let explanation = SourceHistory.explanation(prior, agentAfter: finding.agent, textAgent: item.agent)
        #expect(explanation.contains("describes itself as run by an AI agent"))
        #expect(explanation.contains("for its text alone"))
    }
}
