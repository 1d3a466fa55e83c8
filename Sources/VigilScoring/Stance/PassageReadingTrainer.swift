import Foundation
import VigilAssessment

/// Fits a `PassageReading`: kind-balanced, L2-regularised multinomial logistic
/// regression (mention the reference class; campaign attacks a row of their own
/// when the examples mark them, as in `StanceTrainer`) by full-batch gradient
/// descent with momentum, a fixed number of steps, so the same examples give the
/// same weights.
///
/// The stance model learns how far to trust the reading from the reading's logits
/// on its training texts; logits of texts the reading was fitted on would be
/// overconfident, so `outOfFold` gives each training text the logits of a reading
/// fitted without its fold.
struct PassageReadingTrainer: Sendable {
    struct Example: Sendable {
        var features: [Float]
        var kind: FindingKind
        var form: AttackForm? = nil
    }

    static let l2Candidates: [Double] = [1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5]

    var iterations = 600
    var folds = 5
    var seed: UInt64 = 7

    func fit(_ examples: [Example], l2: Double, encoderSource: String) -> PassageReading {
        let n = PassageReading.featureCount
        let count = Double(examples.count)
        var mean = [Double](repeating: 0, count: n)
        for example in examples { for index in 0..<n { mean[index] += Double(example.features[index]) / count } }
        var deviation = [Double](repeating: 0, count: n)
        for example in examples {
            for index in 0..<n { deviation[index] += pow(Double(example.features[index]) - mean[index], 2) / count }
        }
        deviation = deviation.map { max(sqrt($0), 1e-6) }
        // Standardised, then scaled by 1/sqrt(n) so a row's squared length is about 1
        // and a unit step is stable; the scale is folded back into the weights.
        let shrink = 1 / Double(n).squareRoot()
        let rows = examples.map { example in (0..<n).map { (Double(example.features[$0]) - mean[$0]) / deviation[$0] * shrink } }
        // Rows: attack (hostile), coverage, then campaign attack if marked; mention is
        // the reference, at index `weighted`.
        let weighted = examples.contains { $0.kind == .attack && $0.form == .campaign } ? 3 : 2
        let targets = examples.map { example -> Int in
            switch example.kind {
            case .attack: example.form == .campaign ? 2 : 0
            case .coverage: 1
            case .mention: weighted
            }
        }
        let perKind = FindingKind.allCases.map { kind in Double(examples.filter { $0.kind == kind }.count) }
        // Each kind weighs the same in the loss, however many examples it has.
        let exampleWeight = examples.map { 1 / (3 * max(1, perKind[FindingKind.allCases.firstIndex(of: $0.kind)!])) }
        var weights = [[Double]](repeating: [Double](repeating: 0, count: n), count: weighted)
        var bias = [Double](repeating: 0, count: weighted)
        var velocity = weights
        var biasVelocity = bias
        let step = 1.0
        let momentum = 0.9
        for _ in 0..<iterations {
            var gradient = [[Double]](repeating: [Double](repeating: 0, count: n), count: weighted)
            var biasGradient = [Double](repeating: 0, count: weighted)
            for (position, values) in rows.enumerated() {
                var margins = bias + [0]
                for row in 0..<weighted {
                    var margin = margins[row]
                    values.withUnsafeBufferPointer { x in
                        weights[row].withUnsafeBufferPointer { w in
                            for index in 0..<n { margin += w[index] * x[index] }
                        }
                    }
                    margins[row] = margin
                }
                let probabilities = StanceModel.softmax(margins)
                for row in 0..<weighted {
                    let error = (probabilities[row] - (targets[position] == row ? 1 : 0)) * exampleWeight[position]
                    biasGradient[row] += error
                    values.withUnsafeBufferPointer { x in
                        gradient[row].withUnsafeMutableBufferPointer { g in
                            for index in 0..<n { g[index] += error * x[index] }
                        }
                    }
                }
            }
            for row in 0..<weighted {
                biasVelocity[row] = momentum * biasVelocity[row] - step * biasGradient[row]
                bias[row] += biasVelocity[row]
                for index in 0..<n {
                    velocity[row][index] = momentum * velocity[row][index]
                        - step * (gradient[row][index] + l2 * weights[row][index])
                    weights[row][index] += velocity[row][index]
                }
            }
        }
        return PassageReading(
            mean: mean, deviation: deviation.map { $0 / shrink }, weights: weights, bias: bias, l2: l2,
            encoderSource: encoderSource)
    }

    /// Each example's logits from a reading fitted on the other folds (seeded,
    /// interleaved by kind so every fold holds each kind).
    func outOfFold(_ examples: [Example], l2: Double) -> [(attack: Double, coverage: Double)] {
        var generator = SeededGenerator(seed: seed)
        var fold = [Int](repeating: 0, count: examples.count)
        for kind in FindingKind.allCases {
            var indices = examples.indices.filter { examples[$0].kind == kind }
            indices.shuffle(using: &generator)
            for (order, index) in indices.enumerated() { fold[index] = order % folds }
        }
        var logits = [(attack: Double, coverage: Double)](repeating: (0, 0), count: examples.count)
        for held in 0..<folds {
            let training = examples.indices.filter { fold[$0] != held }.map { examples[$0] }
            let reading = fit(training, l2: l2, encoderSource: "")
            for index in examples.indices where fold[index] == held { logits[index] = reading.logits(examples[index].features) }
        }
        return logits
    }

    /// Class-balanced mean log loss of `reading` on `examples`.
    func logLoss(_ reading: PassageReading, _ examples: [Example]) -> Double {
        StanceTrainer.balancedLogLoss(examples.map { example in
            let logits = reading.logits(example.features)
            let probabilities = StanceModel.softmax([logits.attack, logits.coverage, 0])
            return (example.kind, probabilities[Self.row(of: example.kind)])
        })
    }

    /// The row of a kind: attack and coverage have weights, mention is the reference.
    static func row(of kind: FindingKind) -> Int {
        switch kind {
        case .attack: 0
        case .coverage: 1
        case .mention: 2
        }
    }
}
