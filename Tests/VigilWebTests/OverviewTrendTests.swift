import Foundation
import Testing
@testable import VigilStore
@testable import VigilWeb

/// The overview's 12-week trend: weekly attacks and coverage per person and
/// per team, drawn as inline SVG that the page's policy lets render.
@Suite struct OverviewTrendTests {
    @Test func countsAttacksAndCoverageByWeekAndPerson() async throws {
        let world = try await DashboardWorld()
        let now = Date()
        let boundaries = UTCCalendar.weekBoundaries(count: 12, endingAt: now)
        #expect(boundaries.count == 13)
        #expect(boundaries[11] == UTCCalendar.weekStart(of: now))
        #expect(UTCCalendar.calendar.component(.weekday, from: boundaries[0]) == 2, "weeks begin on Monday")
        let twoWeeksAgo = boundaries[9].addingTimeInterval(3600)
        for index in 0..<3 {
            try world.insertFinding(person: "Ada Lovelace", kind: .attack, createdAt: twoWeeksAgo, title: "old attack \(index)")
        }
        try world.insertFinding(person: "Ada Lovelace", kind: .coverage, createdAt: twoWeeksAgo, title: "coverage")
        try world.insertFinding(person: "Ada Lovelace", kind: .mention, createdAt: twoWeeksAgo, title: "a mention")
        try world.insertFinding(person: "Ada Lovelace", kind: .attack, createdAt: boundaries[0].addingTimeInterval(-60), title: "too old")

        let trend = try world.store.attackAndCoverageTrend(boundaries: boundaries)
        let ada = try #require(trend["Ada Lovelace"])
        #expect(ada.count == 12)
        #expect(ada[9] == WeeklyKindCount(attacks: 3, coverage: 1))
        #expect(ada[11] == WeeklyKindCount(attacks: 1, coverage: 0), "the attack found now is in this week")
        #expect(ada.map(\.attacks).reduce(0, +) == 4, "a finding before the first week is not counted")
        #expect(trend["Grace Hopper"]?[11] == WeeklyKindCount(attacks: 1, coverage: 0))
    }

    @Test func theOverviewDrawsAChartPerPersonAndPerVisibleTeam() async throws {
        let world = try await DashboardWorld()
        let boundaries = UTCCalendar.weekBoundaries(count: 12, endingAt: Date())
        for index in 0..<3 {
            try world.insertFinding(
                person: "Ada Lovelace", kind: .attack, createdAt: boundaries[9].addingTimeInterval(3600), title: "old attack \(index)")
        }
        let week = UTCCalendar.shortDay(boundaries[9])

        let root = try await world.signedIn("root")
        let page = try await root.get("/")
        #expect(page.status == 200)
        #expect(page.body.contains("<svg"))
        #expect(page.body.contains("<title>3 attacks (week of \(week))</title>"), "Ada's row shows her week")
        #expect(page.body.contains("team core") && page.body.contains("team infra"))
        #expect(page.body.contains("<title>3 attacks</title>"), "team core's chart sums its people")
        #expect(!page.body.contains("style="), "the policy forbids inline styles")
        #expect(!page.body.contains("<script"))
        let ids = page.body.components(separatedBy: "aria-labelledby=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count == 4 && Set(ids).count == ids.count, "every chart's title has an ID of its own")

        let alice = try await world.signedIn("alice")
        let hers = try await alice.get("/").body
        #expect(hers.contains("team core"))
        #expect(!hers.contains("team infra"), "a user sees only their teams' trends")
        #expect(hers.components(separatedBy: "<svg").count - 1 == 2, "Ada's row and team core")
    }
}
