import Foundation
import Testing
@testable import VigilScoring

@Suite struct PlattCalibrationTests {
    @Test func recoversTheSlopeOfSyntheticData() {
        var generator = SeededGenerator(seed: 42)
        var margins: [Double] = []
        var labels: [Int] = []
        for _ in 0..<20_000 {
            let margin = Double.random(in: -4...4, using: &generator)
            let p = 1 / (1 + exp(-(2 * margin - 1)))
            margins.append(margin)
            labels.append(Double.random(in: 0..<1, using: &generator) < p ? 1 : 0)
        }
        let fitted = PlattCalibration.fit(margins: margins, labels: labels)
        #expect(abs(fitted.slope - 2) < 0.15)
        #expect(abs(fitted.intercept + 1) < 0.15)
    }

    @Test func oneClassLeavesTheIdentity() {
        #expect(PlattCalibration.fit(margins: [1, 2], labels: [1, 1]) == PlattCalibration())
    }

    @Test func probabilitiesStayInRangeForExtremeMargins() {
        let calibration = PlattCalibration(slope: 3, intercept: 0)
        #expect(calibration.probability(margin: 1e6) == 1)
        #expect(calibration.probability(margin: -1e6) == 0)
        #expect(!calibration.probability(margin: .greatestFiniteMagnitude).isNaN)
    }
}
