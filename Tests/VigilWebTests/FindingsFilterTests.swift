import Foundation
import GRDB
import Testing
@testable import VigilStore
@testable import VigilWeb

/// The list's filters by label, feed and days, its sort orders, paging links
/// that keep them, and a 400 with one line for every value it cannot read.
@Suite struct FindingsFilterTests {
    static func day(_ text: String, hour: Double = 0) -> Date {
        UTCCalendar.day(text)!.addingTimeInterval(hour * 3600)
    }

    /// Where each title first appears in `body`, to compare orders.
    static func positions(_ titles: [String], in body: String) throws -> [String.Index] {
        try titles.map { title in try #require(body.range(of: ">\(title)<")?.lowerBound, "\(title) is not listed") }
    }

    @Test func filtersByLabelFeedAndDays() async throws {
        let world = try await DashboardWorld()
        let otherFeed = try world.store.write { db in
            var feed = FeedRecord(url: "https://other.example/feed.xml", title: "Other feed")
            try feed.insert(db)
            return feed.id!
        }
        let early = try world.insertFinding(person: "Ada Lovelace", kind: .attack, createdAt: Self.day("2026-03-01", hour: 23.5), title: "March first")
        try world.insertFinding(person: "Ada Lovelace", kind: .attack, createdAt: Self.day("2026-03-02"), title: "March second")
        try world.insertFinding(
            person: "Ada Lovelace", kind: .coverage, createdAt: Self.day("2026-03-03", hour: 23.9), title: "March third", feedID: otherFeed)
        try world.insertFinding(person: "Ada Lovelace", kind: .attack, createdAt: Self.day("2026-03-04", hour: 0.1), title: "March fourth")
        _ = try world.store.labelFinding(early, as: .agent, note: nil, by: "root")
        let alice = try await world.signedIn("alice")

        let days = try await alice.get("/findings?since=2026-03-02&until=2026-03-03")
        #expect(days.status == 200)
        #expect(days.body.contains(">March second<") && days.body.contains(">March third<"))
        #expect(!days.body.contains(">March first<") && !days.body.contains(">March fourth<"), "until includes its day and no more")

        let labelled = try await alice.get("/findings?label=agent")
        #expect(labelled.body.contains(">March first<") && !labelled.body.contains(">March second<"))

        let feed = try await alice.get("/findings?feed=\(otherFeed)")
        #expect(feed.body.contains(">March third<") && !feed.body.contains(">March second<") && !feed.body.contains("Gatekeeping"))
        #expect(feed.body.contains(#"name="feed" min="1" value="\#(otherFeed)""#), "the form shows the filter in use")
    }

    @Test func sortsByAgeSeverityAndAgentScore() async throws {
        let world = try await DashboardWorld()
        try world.insertFinding(person: "Ada Lovelace", kind: .attack, severity: .low, createdAt: Self.day("2026-01-01"), title: "low oldest", agent: 0.9)
        try world.insertFinding(person: "Ada Lovelace", kind: .attack, severity: .high, createdAt: Self.day("2026-01-02"), title: "high middle", agent: 0.1)
        try world.insertFinding(person: "Ada Lovelace", kind: .attack, severity: .medium, createdAt: Self.day("2026-01-03"), title: "medium newest", agent: 0.5)
        let alice = try await world.signedIn("alice")
        let filter = "/findings?until=2026-01-31&sort="

        let newest = try await alice.get(filter + "newest").body
        #expect(try Self.positions(["medium newest", "high middle", "low oldest"], in: newest).isSorted)
        let oldest = try await alice.get(filter + "oldest").body
        #expect(try Self.positions(["low oldest", "high middle", "medium newest"], in: oldest).isSorted)
        let severity = try await alice.get(filter + "severity").body
        #expect(try Self.positions(["high middle", "medium newest", "low oldest"], in: severity).isSorted)
        let agent = try await alice.get(filter + "agent").body
        #expect(try Self.positions(["low oldest", "medium newest", "high middle"], in: agent).isSorted)
        #expect(agent.contains(#"<option value="agent" selected="">agent</option>"#))
    }

    @Test func pagingLinksKeepEveryFilterAndTheOrder() async throws {
        let world = try await DashboardWorld()
        for index in 0..<(FindingsQuery.pageSize + 3) {
            try world.insertFinding(
                person: "Ada Lovelace", kind: .coverage, createdAt: Self.day("2026-02-10").addingTimeInterval(Double(index) * 60),
                title: "coverage \(index)")
        }
        let alice = try await world.signedIn("alice")
        let first = try await alice.get("/findings?kind=coverage&since=2026-02-01&until=2026-02-28&sort=oldest")
        let next = "/findings?kind=coverage&amp;since=2026-02-01&amp;until=2026-02-28&amp;sort=oldest&amp;page=2"
        #expect(first.body.contains(#"href="\#(next)" rel="next""#))
        #expect(first.body.contains(">coverage 0<") && !first.body.contains(">coverage 50<"))
        let second = try await alice.get(next.replacingOccurrences(of: "&amp;", with: "&"))
        #expect(second.body.contains(">coverage 50<") && second.body.contains(">coverage 52<") && !second.body.contains(">coverage 49<"))
        #expect(second.body.contains(#"href="/findings?kind=coverage&amp;since=2026-02-01&amp;until=2026-02-28&amp;sort=oldest" rel="prev""#))
    }

    @Test func refusesValuesItCannotReadWithOneLine() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        let cases = [
            ("kind=nonsense", "kind must be one of attack, coverage, mention."),
            ("label=spam", "label must be one of hostile, benign, agent, human."),
            ("sort=random", "sort must be one of newest, oldest, severity, agent."),
            ("feed=abc", "feed must be a feed&#39;s number, as the feeds page lists it."),
            ("feed=-3", "feed must be a feed&#39;s number, as the feeds page lists it."),
            ("since=2026-13-01", "since must be a date written YYYY-MM-DD."),
            ("until=2026-02-30", "until must be a date written YYYY-MM-DD."),
            ("since=yesterday", "since must be a date written YYYY-MM-DD."),
            ("since=2026-03-05&until=2026-03-01", "since is after until: no day is in between."),
            ("page=0", "page must be a number from 1 to 100000."),
            ("page=99999999999999999999", "page must be a number from 1 to 100000."),
        ]
        for (query, message) in cases {
            let response = try await alice.get("/findings?" + query)
            #expect(response.status == 400, "\(query)")
            #expect(response.body.contains("<p>\(message)</p>"), "\(query)")
        }
        #expect(try await alice.get("/findings?kind=ATTACK&sort=Severity").status == 200, "names are read in any case")
    }
}

extension Array where Element: Comparable {
    var isSorted: Bool { zip(self, dropFirst()).allSatisfy { $0 < $1 } }
}
