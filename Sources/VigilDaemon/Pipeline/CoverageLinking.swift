import Foundation
import VigilStore

/// Links coverage findings to the attack findings they report on as a poll's
/// plan stores them (the links are written in the same commit), so that a digest and
/// `vigil findings show` can put the news about an attack beside the attack.
///
/// Both directions are needed because vigil does not always see the attack
/// first: an aggregator may carry the news before the attacker's own feed is
/// polled. So a coverage finding looks for attacks on the same person, and an
/// attack finding looks for coverage of the same person that covers nothing
/// yet; either within `window` of each other. `CoverageLink` decides whether
/// a text refers to an attack.
public struct CoverageLinking: Sendable {
    /// How far apart in time (by when vigil created the findings) coverage and its attack may be.
    public var window: TimeInterval

    public init(window: TimeInterval = 30 * 86_400) {
        self.window = window
    }

    /// Called for every finding a poll stores or updates.
    public func relate(_ finding: LinkableFinding, in related: inout RelatedFindingsTable) {
        let from = finding.createdAt.addingTimeInterval(-window)
        let through = finding.createdAt.addingTimeInterval(window)
        switch finding.kind {
        case .coverage:
            let attacks = related.findings(personID: finding.personID, kind: .attack, createdFrom: from, through: through)
            let best = CoverageLink.best(coverageText: finding.itemText ?? "", among: attacks)
            if best?.attackID != finding.relatedFindingID {
                related.setRelatedFinding(finding.id, to: best?.attackID)
            }
        case .attack:
            if finding.relatedFindingID != nil { related.setRelatedFinding(finding.id, to: nil) }
            let attack = AttackText(finding)
            let coverage = related.findings(
                personID: finding.personID, kind: .coverage, createdFrom: from, through: through, withoutRelated: true)
            for candidate in coverage where CoverageText(candidate.itemText ?? "").reference(to: attack) != nil {
                related.setRelatedFinding(candidate.id, to: finding.id)
            }
        case .mention:
            if finding.relatedFindingID != nil { related.setRelatedFinding(finding.id, to: nil) }
        }
        // An edit can turn an attack into something else; coverage that
        // pointed at it no longer covers an attack.
        if finding.kind != .attack { related.clearRelations(to: finding.id) }
    }
}
