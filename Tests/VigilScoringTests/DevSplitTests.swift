import Foundation
import Testing
@testable import VigilScoring

/// The shipped models on the shared dev splits, checked with margins below the
/// figures reported in docs/scoring.md so that a regression fails the suite.
@Suite struct DevSplitTests {
    static func figures(_ task: ScoringTask) throws -> EvaluationFigures? {
        guard let path = TestData.shared("\(task.rawValue)/dev.jsonl") else { return nil }
        let examples = try LabelledDataset.read(path: path)
        let model = try TextModel.shipped(task)
        let workspace = model.makeWorkspace()
        let scores = examples.map { model.probability(of: $0.text[...], workspace: workspace) }
        return EvaluationFigures(scores: scores, labels: examples.map(\.label), threshold: model.header.threshold)
    }

    @Test func hostilityOnTheDevSplit() throws {
        guard let figures = try Self.figures(.hostility) else { print("skipped: \(TestData.sharedMissing)"); return }
        #expect(figures.rocAUC > 0.925)
        #expect(figures.expectedCalibrationError < 0.05)
        #expect(figures.f1 > 0.80)
    }

    @Test func agentOnTheDevSplit() throws {
        guard let figures = try Self.figures(.agent) else { print("skipped: \(TestData.sharedMissing)"); return }
        #expect(figures.rocAUC > 0.98)
        #expect(figures.expectedCalibrationError < 0.05)
        #expect(figures.f1 > 0.90)
    }
}
