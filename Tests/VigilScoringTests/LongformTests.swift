import Foundation
import Testing
import VigilAssessment
import VigilText
@testable import VigilScoring

/// The held-out long-form set (Training/longform/eval.jsonl, never trained on):
/// civil attacks must score clearly above ordinary coverage of the same kind of person.
@Suite struct LongformTests {
    @Test func attacksScoreAboveCoverageOnTheHeldOutSet() throws {
        let examples = try LabelledDataset.read(path: TestData.repository("Training/longform/eval.jsonl"))
        let scorer = try TextScorer.shipped()
        let workspace = scorer.makeWorkspace()
        var scores: [Double] = []
        var coverageSeverities: [Severity] = []
        for example in examples {
            let person = try #require(example.person)
            let score = scorer.score(example.text, matcher: MentionMatcher(people: [WatchedPerson(name: person)]), workspace: workspace)
            let attack = score.attacks.first { $0.person == person }
            scores.append(attack?.score ?? 0)
            if example.label == 0 { coverageSeverities.append(attack?.severity ?? .none) }
        }
        let labels = examples.map(\.label)
        let figures = EvaluationFigures(scores: scores, labels: labels, threshold: scorer.policy.mediumThreshold)
        // 0.971 when the attack score was hostility alone; reading the stance (who says
        // what to whom) cost this set, which holds no coverage of attacks, about 0.05,
        // and the encoder's reading gave back 0.03 (0.950): docs/scoring.md has the figures.
        #expect(figures.rocAUC > 0.94)
        let attackMean = zip(scores, labels).filter { $0.1 == 1 }.map(\.0).reduce(0, +) / Double(labels.filter { $0 == 1 }.count)
        let coverageMean = zip(scores, labels).filter { $0.1 == 0 }.map(\.0).reduce(0, +) / Double(labels.filter { $0 == 0 }.count)
        #expect(attackMean > coverageMean + 0.3)
        // The sentence encoder's reading raised 15 of these 150 ordinary mentions to
        // medium or above (3 before it) while it lifted the attacks there from 103 to
        // 136: docs/scoring.md, "Re-reading the sentences about a person".
        let noneOrLow = coverageSeverities.filter { $0 <= .low }.count
        #expect(Double(noneOrLow) / Double(coverageSeverities.count) >= 0.85)
    }
}
