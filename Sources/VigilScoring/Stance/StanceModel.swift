import CShippedModels
import Foundation
import VigilAssessment

/// Multinomial logistic regression over `StanceFeatures`: attack, coverage or
/// mention. A handful of standardised, named signals rather than n-grams, so that
/// what separates an attack from the news about it is a reporting frame, quotation
/// marks or a campaign plan, wherever the words came from; the file is small JSON
/// that can be read, diffed and explained. Trained by `vigil train --task stance`.
public struct StanceModel: Codable, Sendable, Equatable {
    public static let formatVersion = 3

    /// One row of the regression: a kind, and for an attack how it is made.
    public struct Row: Sendable, Equatable {
        public var kind: FindingKind
        public var form: AttackForm?
    }

    public var format: Int
    /// The kind of each row of `weights` and `bias`. Attack may have two rows
    /// (`attackForms`: hostile and campaign); a kind's probability is the sum of its rows'.
    public var classes: [FindingKind]
    /// For each row of an attack, the form it reads; null for the other kinds.
    public var attackForms: [AttackForm?]
    public var featureNames: [String]
    /// Training mean and standard deviation of each feature.
    public var mean: [Double]
    public var deviation: [Double]
    /// One row of weights per class, over the standardised features.
    public var weights: [[Double]]
    public var bias: [Double]
    /// The digest of the hostility model whose scores the features were computed with.
    public var hostilityWeights: String
    /// The encoder's reading of the person's sentences, whose logits are the
    /// `reading_*` signals; without it they are 0.
    public var passageReading: PassageReading?
    public var training: StanceTrainingSummary

    public init(
        classes: [FindingKind], attackForms: [AttackForm?]? = nil, mean: [Double], deviation: [Double],
        weights: [[Double]], bias: [Double], hostilityWeights: String, passageReading: PassageReading? = nil,
        training: StanceTrainingSummary
    ) {
        format = Self.formatVersion
        self.classes = classes
        self.attackForms = attackForms ?? classes.map { $0 == .attack ? .hostile : nil }
        featureNames = StanceFeatures.names
        self.mean = mean
        self.deviation = deviation
        self.weights = weights
        self.bias = bias
        self.hostilityWeights = hostilityWeights
        self.passageReading = passageReading
        self.training = training
    }

    /// Reads and checks a model file.
    public init(path: String) throws(ModelFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        try self.init(data: data)
    }

    public init(data: Data) throws(ModelFileError) {
        let decoded: StanceModel
        do {
            decoded = try JSONDecoder().decode(StanceModel.self, from: data)
        } catch {
            throw .invalid("not a stance model file: \(error)")
        }
        try decoded.validate()
        self = decoded
    }

    func validate() throws(ModelFileError) {
        guard format == Self.formatVersion else { throw .invalid("stance model format \(format), expected \(Self.formatVersion)") }
        guard featureNames == StanceFeatures.names else {
            throw .invalid("the stance model reads other features than this vigil computes; retrain it")
        }
        let n = StanceFeatures.count
        let rows = zip(classes, attackForms).map { Row(kind: $0, form: $1) }
        guard Set(classes) == Set(FindingKind.allCases), attackForms.count == classes.count,
              rows.allSatisfy({ ($0.kind == .attack) == ($0.form != nil) }),
              rows.indices.allSatisfy({ index in !rows[..<index].contains(rows[index]) }),
              mean.count == n, deviation.count == n, weights.count == classes.count, bias.count == classes.count,
              weights.allSatisfy({ $0.count == n })
        else { throw .invalid("stance model has the wrong number of classes or weights") }
        let numbers = mean + deviation + bias + weights.flatMap { $0 }
        guard numbers.allSatisfy(\.isFinite), deviation.allSatisfy({ $0 > 0 }) else {
            throw .invalid("stance model holds numbers that are not finite, or a deviation that is not positive")
        }
        try passageReading?.validate()
    }

    /// The reading signals at their training mean, where they move no margin:
    /// what the model reads before (or without) the encoder.
    var neutralReading: (attack: Double, coverage: Double) {
        let index = StanceFeatures.readingIndices
        return (mean[index.attack], mean[index.coverage])
    }

    /// The model vigil ships, compiled into the binary.
    public static func shipped() throws(ModelFileError) -> StanceModel {
        try StanceModel(data: Data(shipped: cshipped_stance_model()))
    }

    /// A 64-bit FNV-1a digest of the weights, to name the model behind a finding.
    public var digest: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let reading = passageReading.map { $0.bias + $0.weights.flatMap { $0 } } ?? []
        for value in mean + deviation + bias + weights.flatMap({ $0 }) + reading {
            var bits = value.bitPattern
            for _ in 0..<8 {
                hash = (hash ^ (bits & 0xFF)) &* 0x0000_0100_0000_01B3
                bits >>= 8
            }
        }
        return String(hash, radix: 16)
    }

    public func probabilities(_ features: StanceFeatures) -> StanceProbabilities {
        Self.probabilities(
            features.values, classes: classes, mean: mean, deviation: deviation, weights: weights, bias: bias)
    }

    /// The softmax of the rows' margins over the standardised `values`, each kind
    /// the sum of its rows': the model's reading, and the trainer's while it fits.
    static func probabilities(
        _ values: [Double], classes: [FindingKind], mean: [Double], deviation: [Double], weights: [[Double]],
        bias: [Double]
    ) -> StanceProbabilities {
        let margins = weights.indices.map { row in
            var margin = bias[row]
            for index in values.indices { margin += weights[row][index] * (values[index] - mean[index]) / deviation[index] }
            return margin
        }
        var result = StanceProbabilities(attack: 0, coverage: 0, mention: 0)
        for (kind, probability) in zip(classes, softmax(margins)) {
            switch kind {
            case .attack: result.attack += probability
            case .coverage: result.coverage += probability
            case .mention: result.mention += probability
            }
        }
        return result
    }

    static func softmax(_ margins: [Double]) -> [Double] {
        let top = margins.max() ?? 0
        let exponentials = margins.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// Writes the model as sorted, pretty-printed JSON, so the same training gives
    /// the same bytes.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// How a stance model was trained, kept in the file so that it can be reproduced.
public struct StanceTrainingSummary: Codable, Sendable, Equatable {
    public var seed: UInt64
    public var examples: Int
    public var l2: Double
    public var iterations: Int
    /// Log loss on the seeded held-out share used to choose the L2 strength.
    public var heldOutLogLoss: Double
    public var dataFiles: [String]

    public init(seed: UInt64, examples: Int, l2: Double, iterations: Int, heldOutLogLoss: Double, dataFiles: [String]) {
        self.seed = seed
        self.examples = examples
        self.l2 = l2
        self.iterations = iterations
        self.heldOutLogLoss = heldOutLogLoss
        self.dataFiles = dataFiles
    }
}
