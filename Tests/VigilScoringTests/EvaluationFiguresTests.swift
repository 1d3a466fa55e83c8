import Testing
@testable import VigilScoring

@Suite struct EvaluationFiguresTests {
    @Test func rocAUCCountsPairsAndHalfTies() {
        #expect(EvaluationFigures.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1]) == 0.75)
        #expect(EvaluationFigures.rocAUC(scores: [0.5, 0.5], labels: [0, 1]) == 0.5)
        #expect(EvaluationFigures.rocAUC(scores: [0.9, 0.1], labels: [1, 0]) == 1)
        #expect(EvaluationFigures.rocAUC(scores: [0.9, 0.1], labels: [1, 1]).isNaN)
    }

    @Test func averagePrecisionMatchesHandComputation() {
        // Ranked: 1 (p=1/1), 0, 1 (p=2/3): AP = (1 + 2/3) / 2.
        let ap = EvaluationFigures.averagePrecision(scores: [0.9, 0.8, 0.7, 0.1], labels: [1, 0, 1, 0])
        #expect(abs(ap - (1 + 2.0 / 3) / 2) < 1e-12)
    }

    @Test func truePositiveRateAtLowFalsePositiveRate() {
        let negatives = (0..<100).map { Double($0) / 100 }
        let scores = negatives + [0.995, 0.985, 0.5]
        let labels = [Int](repeating: 0, count: 100) + [1, 1, 1]
        // One negative (0.99) may pass; the cut is the second highest negative, 0.98.
        #expect(EvaluationFigures.truePositiveRate(scores: scores, labels: labels, falsePositiveRate: 0.01) == 2.0 / 3)
    }

    @Test func calibrationErrorIsZeroForPerfectCalibrationAndLargeOtherwise() {
        let scores = [Double](repeating: 0.25, count: 8)
        #expect(EvaluationFigures.calibrationError(scores: scores, labels: [1, 0, 0, 0, 1, 0, 0, 0], bins: 10) == 0)
        #expect(EvaluationFigures.calibrationError(scores: [0.95, 0.95], labels: [0, 0], bins: 10) > 0.9)
    }

    @Test func f1AtThreshold() {
        let figures = EvaluationFigures(scores: [0.9, 0.6, 0.4, 0.2], labels: [1, 0, 1, 0], threshold: 0.5)
        #expect(figures.precision == 0.5)
        #expect(figures.recall == 0.5)
        #expect(figures.f1 == 0.5)
    }
}
