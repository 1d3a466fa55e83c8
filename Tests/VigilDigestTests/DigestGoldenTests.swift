import Foundation
import Testing
@testable import VigilDigest
@testable import VigilStore

/// The digest of a fixed database, in every format, compared byte for byte
/// with the files in Golden/. Set VIGIL_UPDATE_GOLDENS=1 to rewrite them
/// after an intended change, and read the diff before committing.
@Suite struct DigestGoldenTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func realisticDigest() throws -> (Digest, DigestFixture) {
        let fixture = try DigestFixture.realistic()
        let schedule = try DigestSchedule(parsing: "mon 08:00", timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let period = schedule.latestPeriod(atOrBefore: DigestFixture.now)
        let builder = DigestBuilder(store: fixture.store, timeZone: schedule.timeZone)
        let digest = try builder.build(scope: .all, periods: schedule.periods(endingWith: period, preceding: 7), now: DigestFixture.now)
        return (digest, fixture)
    }

    @Test(arguments: [(DigestFormat.text, "txt"), (.markdown, "md"), (.html, "html"), (.json, "json")])
    func matchesGolden(format: DigestFormat, fileExtension: String) throws {
        let (digest, fixture) = try Self.realisticDigest()
        _ = fixture
        let rendered = try format.render(digest)
        let golden = Self.goldenFolder.appendingPathComponent("digest.\(fileExtension)")
        if ProcessInfo.processInfo.environment["VIGIL_UPDATE_GOLDENS"] == "1" {
            try Data(rendered.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected, "digest.\(fileExtension) differs from the golden file; rerun with VIGIL_UPDATE_GOLDENS=1 if the change is intended")
    }

    @Test func theScheduledPeriodIsTheBerlinWeek() throws {
        let (digest, _) = try Self.realisticDigest()
        #expect(digest.period.start == DigestFixture.period.start)
        #expect(digest.period.end == DigestFixture.period.end)
        #expect(digest.history.count == 8)
    }

    @Test func theNumbersAreRight() throws {
        let (digest, _) = try Self.realisticDigest()
        // This week: Søren high + low + low coverage, Julian medium + none coverage × 2, Nathaniel
        // medium + none, Hannah low + none, Mira none × 2: twelve mentions, six hostile (one of
        // them news about an attack), four of them by the agent.
        #expect(digest.totals == FindingCounts(mentions: 12, low: 3, medium: 2, high: 1, agentLike: 4, agentLikeHostile: 4, attacks: 5, coverage: 3))
        #expect(digest.previousTotals.hostile == 2)
        #expect(digest.previousTotals.high == 1)
        #expect(digest.people.map(\.name) == ["Søren Kjærgaard", "Julian Marsh", "Nathaniel Okoro", "Hannah Lee", "Mira Castellan"])
        #expect(digest.people.first { $0.name == "Julian Marsh" }?.previous.hostile == 2)
        #expect(digest.peopleInScope == 6)
        #expect(digest.quietPeople == 1)
        #expect(digest.topFindings.map(\.person) == ["Søren Kjærgaard", "Nathaniel Okoro", "Julian Marsh", "Hannah Lee", "Søren Kjærgaard", "Søren Kjærgaard"])
        #expect(digest.topFindings.map(\.kind) == [.attack, .attack, .attack, .attack, .attack, .coverage])
        #expect(digest.topFindings.first?.evidence.first?.kind == .hostile)
        #expect(digest.sharedSources.map(\.name) == ["Patchwright"])
        #expect(digest.sharedSources.first?.peopleAttacked == ["Julian Marsh", "Nathaniel Okoro", "Søren Kjærgaard"])
        #expect(digest.sharedSources.first?.feeds == ["Forge Dispatch", "Patchwright Field Notes"])
        #expect(Set(digest.newSources.map(\.name)) == ["https://ledger-of-grievances.example.net/feed", "編集部", "Lena Park"])
        #expect(digest.newSources.first?.name == "https://ledger-of-grievances.example.net/feed")
        let core = try #require(digest.teams.first { $0.name == "core" })
        #expect(core.members == 2)
        #expect(core.counts.hostile == 2)
        #expect(digest.history.last?.hostile == 6)
        #expect(digest.history.map(\.mentions).reduce(0, +) == 35)
    }
}
