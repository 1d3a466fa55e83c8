import Foundation

/// Maps a raw margin to a probability, p = 1 / (1 + exp(-(slope * margin + intercept))),
/// fitted on held-out data so that a score of 0.8 means "hostile about 8 times in 10".
public struct PlattCalibration: Codable, Sendable, Equatable {
    public var slope: Double
    public var intercept: Double

    public init(slope: Double = 1, intercept: Double = 0) {
        self.slope = slope
        self.intercept = intercept
    }

    public func probability(margin: Double) -> Double {
        let z = slope * margin + intercept
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    /// Platt's method with his smoothed targets, by Newton's method on the two parameters.
    public static func fit(margins: [Double], labels: [Int]) -> PlattCalibration {
        let positives = Double(labels.filter { $0 == 1 }.count)
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return PlattCalibration() }
        let high = (positives + 1) / (positives + 2)
        let low = 1 / (negatives + 2)
        let targets = labels.map { $0 == 1 ? high : low }
        var slope = 1.0
        var intercept = log((positives + 1) / (negatives + 1))
        for _ in 0..<100 {
            var g0 = 0.0, g1 = 0.0, h00 = 1e-9, h01 = 0.0, h11 = 1e-9
            for (margin, target) in zip(margins, targets) {
                let p = PlattCalibration(slope: slope, intercept: intercept).probability(margin: margin)
                let diff = p - target
                let weight = max(p * (1 - p), 1e-12)
                g0 += diff * margin
                g1 += diff
                h00 += weight * margin * margin
                h01 += weight * margin
                h11 += weight
            }
            let determinant = h00 * h11 - h01 * h01
            guard determinant > 1e-18 else { break }
            let step0 = (h11 * g0 - h01 * g1) / determinant
            let step1 = (h00 * g1 - h01 * g0) / determinant
            slope -= step0
            intercept -= step1
            if abs(step0) < 1e-10 && abs(step1) < 1e-10 { break }
        }
        return PlattCalibration(slope: slope, intercept: intercept)
    }
}
