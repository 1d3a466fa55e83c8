import Foundation
import VigilAssessment

/// Fits a `StanceModel` by full-batch gradient descent on the kind-balanced,
/// L2-regularised multinomial log loss, with mention as the reference row (its
/// weights stay zero) and each signal's weights kept to the sign its meaning
/// allows (`StanceFeatures.directions`), by projection after every step. When the
/// examples mark campaign attacks (`AttackForm`), those get a row of their own
/// beside the hostile attacks'; each kind still weighs the same in the loss. Full
/// batches and a fixed iteration count make training deterministic: the same
/// examples and seed give the same file.
public struct StanceTrainer: Sendable {
    public struct Example: Sendable {
        public var features: StanceFeatures
        public var kind: FindingKind
        public var form: AttackForm?

        public init(features: StanceFeatures, kind: FindingKind, form: AttackForm? = nil) {
            self.features = features
            self.kind = kind
            self.form = form
        }
    }

    static let minimumDeviation = 0.25

    public var seed: UInt64
    public var l2Candidates: [Double]
    public var iterations: Int
    /// Share of the examples held out (stratified by kind) to choose the L2 strength.
    public var heldOutFraction: Double

    public init(
        seed: UInt64 = 7, l2Candidates: [Double] = [1, 3e-1, 1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4],
        iterations: Int = 3000, heldOutFraction: Double = 0.2
    ) {
        self.seed = seed
        self.l2Candidates = l2Candidates
        self.iterations = iterations
        self.heldOutFraction = heldOutFraction
    }

    /// Chooses the L2 strength by the class-balanced log loss on `dev` when given
    /// (texts written apart from the training pool: the shift real posts bring), else
    /// on a seeded, stratified share of `examples`; then fits all of `examples`.
    public func train(
        _ examples: [Example], dev: [Example]? = nil, hostilityWeights: String, dataFiles: [String],
        log: (String) -> Void = { _ in }
    ) throws(TrainingError) -> StanceModel {
        let classes = FindingKind.allCases
        for kind in classes where !examples.contains(where: { $0.kind == kind }) {
            throw .missingKind(kind.rawValue)
        }
        var heldOut: [Example] = []
        var kept: [Example] = []
        if let dev, !dev.isEmpty {
            kept = examples
            heldOut = dev
        } else {
            // Stratified, seeded hold-out for the choice of L2.
            var generator = SeededGenerator(seed: seed)
            for kind in classes {
                var indices = examples.indices.filter { examples[$0].kind == kind }
                indices.shuffle(using: &generator)
                let cut = Int((Double(indices.count) * heldOutFraction).rounded())
                heldOut += indices.prefix(cut).map { examples[$0] }
                kept += indices.dropFirst(cut).map { examples[$0] }
            }
        }
        var best: (l2: Double, loss: Double)?
        for l2 in l2Candidates {
            let fitted = fit(kept, l2: l2)
            let loss = logLoss(fitted, heldOut)
            log(String(format: "l2 %.0e: %@ log loss %.4f", l2, dev == nil ? "held-out" : "dev", loss))
            if best == nil || loss < best!.loss { best = (l2, loss) }
        }
        guard let best else { throw .noCandidates }
        let final = fit(examples, l2: best.l2)
        return StanceModel(
            classes: final.rows.map(\.kind), attackForms: final.rows.map(\.form), mean: final.mean,
            deviation: final.deviation, weights: final.weights, bias: final.bias,
            hostilityWeights: hostilityWeights,
            training: StanceTrainingSummary(
                seed: seed, examples: examples.count, l2: best.l2, iterations: iterations,
                heldOutLogLoss: best.loss, dataFiles: dataFiles))
    }

    struct Fitted {
        var rows: [StanceModel.Row]
        var mean: [Double]
        var deviation: [Double]
        var weights: [[Double]]
        var bias: [Double]

        func probabilities(_ values: [Double]) -> StanceProbabilities {
            StanceModel.probabilities(
                values, classes: rows.map(\.kind), mean: mean, deviation: deviation, weights: weights, bias: bias)
        }
    }

    /// Hostile attack, coverage and mention, and campaign attack when an example is marked so.
    static func rows(for examples: [Example]) -> [StanceModel.Row] {
        var rows = FindingKind.allCases.map { StanceModel.Row(kind: $0, form: $0 == .attack ? .hostile : nil) }
        if examples.contains(where: { $0.kind == .attack && $0.form == .campaign }) {
            rows.append(StanceModel.Row(kind: .attack, form: .campaign))
        }
        return rows
    }

    func fit(_ examples: [Example], l2: Double) -> Fitted {
        let rows = Self.rows(for: examples)
        let kinds = FindingKind.allCases
        let n = StanceFeatures.count
        let count = Double(examples.count)
        var mean = [Double](repeating: 0, count: n)
        for example in examples { for index in 0..<n { mean[index] += example.features.values[index] / count } }
        var deviation = [Double](repeating: 0, count: n)
        for example in examples {
            for index in 0..<n { deviation[index] += pow(example.features.values[index] - mean[index], 2) / count }
        }
        // A signal rare in the examples has a small deviation, and standardising by it
        // would make one firing on an unusual text worth several logits: shares are
        // scaled by at least a quarter.
        deviation = deviation.map { max(sqrt($0), Self.minimumDeviation) }
        let standardised = examples.map { example in
            (0..<n).map { (example.features.values[$0] - mean[$0]) / deviation[$0] }
        }
        let targets = examples.map { example in
            rows.firstIndex { $0.kind == example.kind && $0.form == (example.kind == .attack ? example.form ?? .hostile : nil) }!
        }
        // Each kind weighs the same in the loss, however many examples it has.
        let perKind = kinds.map { kind in Double(examples.filter { $0.kind == kind }.count) }
        let exampleWeight = examples.map { count / (Double(kinds.count) * max(1, perKind[kinds.firstIndex(of: $0.kind)!])) }

        var weights = [[Double]](repeating: [Double](repeating: 0, count: n), count: rows.count)
        var bias = [Double](repeating: 0, count: rows.count)
        let step = 0.5
        for _ in 0..<iterations {
            var gradient = [[Double]](repeating: [Double](repeating: 0, count: n), count: rows.count)
            var biasGradient = [Double](repeating: 0, count: rows.count)
            for (position, values) in standardised.enumerated() {
                let margins = weights.indices.map { row in
                    zip(weights[row], values).reduce(bias[row]) { $0 + $1.0 * $1.1 }
                }
                let probabilities = StanceModel.softmax(margins)
                for row in rows.indices {
                    let error = (probabilities[row] - (targets[position] == row ? 1 : 0)) * exampleWeight[position] / count
                    biasGradient[row] += error
                    for index in 0..<n { gradient[row][index] += error * values[index] }
                }
            }
            for row in rows.indices where rows[row].kind != .mention {
                bias[row] -= step * biasGradient[row]
                for index in 0..<n {
                    var weight = weights[row][index] - step * (gradient[row][index] + l2 * weights[row][index])
                    let direction = rows[row].kind == .attack
                        ? StanceFeatures.directions[index].attack : StanceFeatures.directions[index].coverage
                    switch direction {
                    case .raises?: weight = max(0, weight)
                    case .lowers?: weight = min(0, weight)
                    case nil: break
                    }
                    weights[row][index] = weight
                }
            }
        }
        return Fitted(rows: rows, mean: mean, deviation: deviation, weights: weights, bias: bias)
    }

    /// Kind-balanced mean log loss of `fitted` on `examples`.
    func logLoss(_ fitted: Fitted, _ examples: [Example]) -> Double {
        Self.balancedLogLoss(examples.map { example in
            (example.kind, fitted.probabilities(example.features.values)[example.kind])
        })
    }

    /// The mean over kinds of the mean log loss of each kind's examples, given
    /// each example's kind and the probability a model gave that kind: each kind
    /// weighs the same, however many examples it has. NaN without examples.
    static func balancedLogLoss(_ scored: [(kind: FindingKind, probability: Double)]) -> Double {
        var total = 0.0
        var weightSum = 0.0
        for kind in FindingKind.allCases {
            let chosen = scored.filter { $0.kind == kind }
            guard !chosen.isEmpty else { continue }
            let loss = chosen.reduce(0.0) { $0 - log(max(1e-12, $1.probability)) }
            total += loss / Double(chosen.count)
            weightSum += 1
        }
        return weightSum > 0 ? total / weightSum : .nan
    }
}
