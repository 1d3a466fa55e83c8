import Foundation
import Testing
@testable import VigilDigest
@testable import VigilStore

/// A person's findings in the digest: attacks first, each with the coverage
/// that reports on it, then coverage of no known attack, then mentions.
@Suite struct DigestGroupingTests {
    @Test func theRealisticWeekIsGroupedUnderItsAttacks() throws {
        let (digest, _) = try DigestGoldenTests.realisticDigest()
        let soren = try #require(digest.people.first { $0.name == "Søren Kjærgaard" }?.findings)
        #expect(soren.attacks.map(\.attack.title) == ["A Pattern of Exclusion: What Happened at quayside", "Is quayside still maintained?"])
        #expect(soren.attacks.map(\.inPeriod) == [true, true])
        #expect(soren.attacks[0].coverage.map(\.title) == ["An agent's blog turns on quayside's maintainer"])
        #expect(soren.attacks[0].coverage.first?.relatedFindingID == soren.attacks[0].attack.id)
        #expect(soren.attacks[1].coverage.isEmpty && soren.otherCoverage.isEmpty && soren.mentions.isEmpty)

        // Julian: this week's attack; last week's attack, named for the coverage that followed it;
        // a report on the controversy linked to no attack.
        let julian = try #require(digest.people.first { $0.name == "Julian Marsh" }?.findings)
        #expect(julian.attacks.map(\.attack.title) == [
            "A Pattern of Exclusion: What Happened at quayside", "Gatekeeping in Open Source: The Julian Marsh Story",
        ])
        #expect(julian.attacks.map(\.inPeriod) == [true, false])
        #expect(julian.attacks[1].coverage.map(\.title) == ["The Patchwright posts, one week on"])
        #expect(julian.moreAttacks == 0)
        #expect(julian.otherCoverage.map(\.kind) == [.coverage])
        #expect(julian.otherCoverage.first?.relatedFindingID == nil)

        let mira = try #require(digest.people.first { $0.name == "Mira Castellan" }?.findings)
        #expect(mira.attacks.isEmpty && mira.otherCoverage.isEmpty && mira.mentions.count == 2)

        let text = try DigestFormat.text.render(digest)
        #expect(text.contains("""
              Julian Marsh
                Attacks
                  [MEDIUM] A Pattern of Exclusion: What Happened at quayside · by Patchwright on Patchwright Field Notes · finding 25
                  [HIGH] Gatekeeping in Open Source: The Julian Marsh Story · by Patchwright on Patchwright Field Notes · finding 22 (found 11 Nov, before this period)
                    covered by [NONE] The Patchwright posts, one week on · by Dispatch staff on Dispatch News · finding 35
                Other coverage
            """))
        let json = try DigestFormat.json.render(digest)
        #expect(json.contains(#""other_coverage" : ["#) && json.contains(#""in_period" : false"#) && json.contains(#""related_finding_id" : 22"#))
    }

    static func listing(_ id: Int64, _ kind: FindingKind, related: Int64? = nil, hours: Double = 1) -> FindingListing {
        let at = DigestFixture.period.start.addingTimeInterval(hours * 3600)
        return FindingListing(
            finding: FindingRecord(
                id: id, itemId: id, personId: 1, hostility: 0.5, agent: 0.1, attack: 0.5, severity: kind == .attack ? .high : .none,
                kind: kind, relatedFindingId: related, evidence: [], modelVersion: "m", createdAt: at, updatedAt: at),
            personName: "Ada Lovelace", itemTitle: "Post \(id)", itemURL: nil, itemAuthor: nil, feedURL: "https://feed.example/", feedTitle: nil)
    }

    @Test func listsAreCappedAndTheRestCounted() {
        let period = DigestPeriod(start: DigestFixture.period.start, end: DigestFixture.period.end)
        let grouping = PersonFindingsGrouping(period: period, coveragePerAttack: 2, otherCoverageLimit: 1)
        let byKind = FindingsByKind(
            listed: [
                .attack: [Self.listing(1, .attack)],
                .coverage: [
                    Self.listing(10, .coverage, related: 1, hours: 5), Self.listing(11, .coverage, related: 1, hours: 3),
                    Self.listing(12, .coverage, related: 1, hours: 4), Self.listing(13, .coverage),
                    Self.listing(14, .coverage, related: 99), Self.listing(15, .coverage, related: 2),
                ],
                .mention: [Self.listing(20, .mention)],
            ])
        let counts = FindingCounts(mentions: 15, attacks: 3, coverage: 8)
        // Attack 2 was found before the period; attack 99 is not known (deleted).
        let earlier = Self.listing(2, .attack, hours: -48)
        let grouped = grouping.group(byKind, counts: counts, attacksByID: [2: earlier])
        #expect(grouped.attacks.map(\.attack.id) == [1, 2])
        #expect(grouped.attacks.map(\.inPeriod) == [true, false])
        // Oldest coverage first, two shown.
        #expect(grouped.attacks[0].coverage.map(\.id) == [11, 12])
        #expect(grouped.attacks[0].moreCoverage == 1)
        #expect(grouped.attacks[1].coverage.map(\.id) == [15])
        #expect(grouped.moreAttacks == 2)
        #expect(grouped.otherCoverage.map(\.id) == [13])
        // 8 coverage: 3 + 1 under attacks, 1 shown as other; the other 3 (one unknown attack's, two unread) are counted.
        #expect(grouped.moreOtherCoverage == 3)
        #expect(grouped.mentions.map(\.id) == [20] && grouped.moreMentions == 3)
    }
}
