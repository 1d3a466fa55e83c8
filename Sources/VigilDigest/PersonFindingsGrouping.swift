import Foundation
import VigilStore

/// Arranges one person's findings of a period the way a digest reads them
/// (`PersonFindings`): each attack with the coverage linked to it through
/// `related_finding_id`, then coverage with no known attack, then mentions.
/// Pure: listings in, groups out.
struct PersonFindingsGrouping {
    var period: DigestPeriod
    var coveragePerAttack: Int
    var otherCoverageLimit: Int

    /// `byKind` is the person's findings of the period as listed, `counts`
    /// how many there were; `attacksByID` holds attacks that are not listed
    /// (found before the period, or beyond the listing's cap) which the
    /// period's coverage points at.
    func group(_ byKind: FindingsByKind, counts: FindingCounts, attacksByID: [Int64: FindingListing]) -> PersonFindings {
        var groups = byKind.listed(.attack).map { (attack: $0, coverage: [FindingListing]()) }
        let groupIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.attack.finding.id!, $0) })
        var extraGroups: [(attack: FindingListing, coverage: [FindingListing])] = []
        var extraIndex: [Int64: Int] = [:]
        var other: [FindingListing] = []
        for coverage in byKind.listed(.coverage) {
            guard let attackID = coverage.finding.relatedFindingId else {
                other.append(coverage)
                continue
            }
            if let index = groupIndex[attackID] {
                groups[index].coverage.append(coverage)
            } else if let index = extraIndex[attackID] {
                extraGroups[index].coverage.append(coverage)
            } else if let attack = attacksByID[attackID] {
                extraIndex[attackID] = extraGroups.count
                extraGroups.append((attack, [coverage]))
            } else {
                other.append(coverage)
            }
        }
        extraGroups.sort { ($0.attack.finding.createdAt, $0.attack.finding.id!) > ($1.attack.finding.createdAt, $1.attack.finding.id!) }

        let attacks = (groups + extraGroups).map { group in
            let coverage = group.coverage.sorted { ($0.finding.createdAt, $0.finding.id!) < ($1.finding.createdAt, $1.finding.id!) }
            let created = group.attack.finding.createdAt
            return AttackCoverage(
                attack: DigestFinding(group.attack), inPeriod: created >= period.start && created < period.end,
                coverage: coverage.prefix(coveragePerAttack).map { DigestFinding($0) },
                moreCoverage: max(0, coverage.count - coveragePerAttack))
        }
        let otherShown = other.prefix(otherCoverageLimit).map { DigestFinding($0) }
        let coverageShown = attacks.reduce(otherShown.count) { $0 + $1.coverage.count + $1.moreCoverage }
        let mentions = byKind.listed(.mention)
        return PersonFindings(
            attacks: attacks,
            moreAttacks: max(0, counts.count(of: .attack) - attacks.filter(\.inPeriod).count),
            otherCoverage: otherShown,
            moreOtherCoverage: max(0, counts.count(of: .coverage) - coverageShown),
            mentions: mentions.map { DigestFinding($0) },
            moreMentions: max(0, counts.count(of: .mention) - mentions.count))
    }
}
