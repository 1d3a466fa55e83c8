import Foundation

/// Trains a ``TextModel``: logistic regression with L2 by stochastic gradient descent
/// (Bottou's schedule, weight rescaling for sparse updates) over naive-Bayes-scaled
/// TF-IDF features (`slotScales`), early stopping and
/// Platt calibration on a dev split, single-threaded and seeded so runs repeat exactly.
public struct ModelTrainer: Sendable {
    public var options: TrainingOptions

    public init(options: TrainingOptions = TrainingOptions()) {
        self.options = options
    }

    /// Examples turned into feature vectors, with the labels alongside.
    struct Featurized {
        var vectors: [SparseVector]
        var labels: [Int]
    }

    /// Splits off a stratified (source, label) share of `examples` as the dev split.
    public func holdOut(_ examples: [LabelledText]) -> (train: [LabelledText], dev: [LabelledText]) {
        var generator = SeededGenerator(seed: options.seed ^ 0xD1CE)
        var groups: [String: [Int]] = [:]
        for (index, example) in examples.enumerated() {
            groups["\(example.source)\u{1}\(example.label)", default: []].append(index)
        }
        var devIndices = Set<Int>()
        for key in groups.keys.sorted() {
            var members = groups[key]!
            members.shuffle(using: &generator)
            let take = Int((Double(members.count) * options.devFraction).rounded())
            devIndices.formUnion(members.prefix(take))
        }
        var train: [LabelledText] = []
        var dev: [LabelledText] = []
        for (index, example) in examples.enumerated() {
            if devIndices.contains(index) { dev.append(example) } else { train.append(example) }
        }
        return (train, dev)
    }

    public func train(
        task: ScoringTask,
        examples: [LabelledText],
        dev givenDev: [LabelledText]?,
        dataFiles: [String],
        devSource: String,
        log: (String) -> Void = { _ in }
    ) throws -> TextModel {
        let trainSet: [LabelledText]
        let devSet: [LabelledText]
        if let givenDev {
            trainSet = examples
            devSet = givenDev
        } else {
            (trainSet, devSet) = holdOut(examples)
        }
        guard Set(trainSet.map(\.label)).count == 2 else { throw TrainingError.oneClass("training data") }
        guard Set(devSet.map(\.label)).count == 2 else { throw TrainingError.oneClass("dev split") }

        let configuration = options.features
        let workspace = FeatureWorkspace(configuration: configuration)
        let extractor = FeatureExtractor(configuration: configuration)
        log("extracting features of \(trainSet.count) training and \(devSet.count) dev texts")

        let idf = slotScales(trainSet, extractor: extractor, workspace: workspace, hashSize: configuration.hashSize)

        func featurize(_ set: [LabelledText]) -> (hashed: [SparseVector], dense: [[Double]]) {
            var hashed: [SparseVector] = []
            var dense: [[Double]] = []
            hashed.reserveCapacity(set.count)
            dense.reserveCapacity(set.count)
            for example in set {
                extractor.extractOccurrences(example.text[...], into: workspace)
                hashed.append(workspace.occurrences.vector(idf: idf, configuration: configuration))
                dense.append(workspace.dense)
            }
            return (hashed, dense)
        }
        let rawTrain = featurize(trainSet)
        let rawDev = featurize(devSet)

        let denseCount = StylometricFeatures.count
        var mean = [Double](repeating: 0, count: denseCount)
        var deviation = [Double](repeating: 0, count: denseCount)
        for row in rawTrain.dense { for j in 0..<denseCount { mean[j] += row[j] } }
        for j in 0..<denseCount { mean[j] /= Double(rawTrain.dense.count) }
        for row in rawTrain.dense { for j in 0..<denseCount { deviation[j] += (row[j] - mean[j]) * (row[j] - mean[j]) } }
        for j in 0..<denseCount { deviation[j] = (deviation[j] / Double(rawTrain.dense.count)).squareRoot() }

        func assemble(_ raw: (hashed: [SparseVector], dense: [[Double]]), labels: [Int]) -> Featurized {
            var vectors = raw.hashed
            for row in vectors.indices {
                for j in 0..<denseCount where deviation[j] > 0 {
                    let z = min(5, max(-5, (raw.dense[row][j] - mean[j]) / deviation[j]))
                    vectors[row].indices.append(Int32(configuration.hashSize + j))
                    vectors[row].values.append(Float(z * configuration.denseScale))
                }
            }
            return Featurized(vectors: vectors, labels: labels)
        }
        let train = assemble(rawTrain, labels: trainSet.map(\.label))
        let dev = assemble(rawDev, labels: devSet.map(\.label))

        var best: (weights: [Float], bias: Double, calibration: PlattCalibration, loss: Double, l2: Double, epochs: Int, auc: Double)?
        for l2 in options.l2Candidates {
            let run = descend(train: train, dev: dev, l2: l2, dimension: configuration.dimension)
            log(String(format: "l2 %.0e: best dev log loss %.4f at epoch %d (ROC AUC %.4f)", l2, run.loss, run.epochs, run.auc))
            if best == nil || run.loss < best!.loss {
                best = (run.weights, run.bias, run.calibration, run.loss, l2, run.epochs, run.auc)
            }
        }
        guard let best else { throw TrainingError.noCandidates }

        let devMargins = dev.vectors.map { vector in
            best.weights.withUnsafeBufferPointer { vector.dot($0) } + best.bias
        }
        let devProbabilities = devMargins.map { best.calibration.probability(margin: $0) }
        let threshold = Self.bestF1Threshold(scores: devProbabilities, labels: dev.labels)

        let header = ModelHeader(
            task: task,
            features: configuration,
            denseNames: StylometricFeatures.names,
            denseMean: mean,
            denseDeviation: deviation,
            bias: best.bias,
            calibration: best.calibration,
            threshold: threshold,
            inverseDocumentFrequency: true,
            training: TrainingSummary(
                seed: options.seed, trainExamples: trainSet.count, devExamples: devSet.count,
                devSource: devSource, l2: best.l2, epochs: best.epochs, devLogLoss: best.loss,
                devROCAUC: best.auc, dataFiles: dataFiles
            )
        )
        return try TextModel(header: header, weights: best.weights, idf: idf)
    }

    /// What each hashed slot's count is multiplied by before a block is normalised:
    /// the smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1, times,
    /// with `naiveBayesSmoothing` set, the slot's naive-Bayes log-count ratio
    /// |ln((p_s / |p|) / (q_s / |q|))|, where p and q count the positive and the
    /// negative training texts the slot occurs in, plus the smoothing. Slots that
    /// occur evenly in both classes shrink towards nothing and the telling ones grow,
    /// both in the features and in the block's norm: in effect a per-slot L2 prior
    /// from the class counts, which plain L2 on the weights cannot give. Scoring
    /// reads the product through the model's idf table, so it costs nothing there;
    /// the ratio's sign is dropped because the weight carries it. The ratio is kept
    /// at `naiveBayesFloor` or more: scoring stores idf² in 16-bit fixed point scaled
    /// to the largest, and a block made only of slots near a ratio of zero would
    /// otherwise be normalised by sums that round to a few steps (a one-word text's
    /// margin moved by up to 0.03 on the hostility dev split; with the floor 0.002).
    func slotScales(_ set: [LabelledText], extractor: FeatureExtractor, workspace: FeatureWorkspace, hashSize: Int) -> [Float] {
        var documentFrequency = [Int32](repeating: 0, count: hashSize)
        var positiveFrequency = [Int32](repeating: 0, count: hashSize)
        for example in set {
            extractor.extractOccurrences(example.text[...], into: workspace)
            for slot in workspace.occurrences.distinctSlots() {
                documentFrequency[Int(slot)] += 1
                if example.label == 1 { positiveFrequency[Int(slot)] += 1 }
            }
        }
        let documents = Double(set.count)
        let idf = documentFrequency.map { Foundation.log((1 + documents) / (1 + Double($0))) + 1 }
        guard let smoothing = options.naiveBayesSmoothing else { return idf.map { Float($0) } }
        let positive = positiveFrequency.map { Double($0) + smoothing }
        let negative = zip(documentFrequency, positiveFrequency).map { Double($0 - $1) + smoothing }
        let positiveTotal = positive.reduce(0, +)
        let negativeTotal = negative.reduce(0, +)
        return (0..<hashSize).map { slot in
            let ratio = Foundation.log((positive[slot] / positiveTotal) / (negative[slot] / negativeTotal))
            return Float(idf[slot] * max(abs(ratio), options.naiveBayesFloor))
        }
    }

    /// One SGD run with early stopping; returns the best epoch's weights and its calibration.
    func descend(train: Featurized, dev: Featurized, l2: Double, dimension: Int)
        -> (weights: [Float], bias: Double, calibration: PlattCalibration, loss: Double, epochs: Int, auc: Double)
    {
        var generator = SeededGenerator(seed: options.seed)
        var coefficients = [Double](repeating: 0, count: dimension)
        var scale = 1.0
        var bias = 0.0
        let typicalWeight = (1 / l2.squareRoot()).squareRoot()
        let initialRate = min(typicalWeight, options.initialLearningRate)
        let offset = 1 / (l2 * initialRate)
        var step = 0.0
        var order = Array(train.vectors.indices)

        var bestWeights = [Float](repeating: 0, count: dimension)
        var bestBias = 0.0
        var bestCalibration = PlattCalibration()
        var bestLoss = Double.infinity
        var bestEpoch = 0
        var bestAUC = 0.0
        var stale = 0

        for epoch in 1...options.maxEpochs {
            order.shuffle(using: &generator)
            coefficients.withUnsafeMutableBufferPointer { v in
                for row in order {
                    let vector = train.vectors[row]
                    let label = Double(train.labels[row])
                    let rate = 1 / (l2 * (offset + step))
                    var dot = 0.0
                    vector.indices.withUnsafeBufferPointer { idx in
                        vector.values.withUnsafeBufferPointer { val in
                            for k in 0..<idx.count { dot += v[Int(idx[k])] * Double(val[k]) }
                        }
                    }
                    let margin = scale * dot + bias
                    let gradient = Self.sigmoid(margin) - label
                    scale *= max(1e-9, 1 - rate * l2)
                    if scale < 1e-6 {
                        for k in 0..<v.count { v[k] *= scale }
                        scale = 1
                    }
                    if gradient != 0 {
                        let update = -rate * gradient / scale
                        vector.indices.withUnsafeBufferPointer { idx in
                            vector.values.withUnsafeBufferPointer { val in
                                for k in 0..<idx.count { v[Int(idx[k])] += update * Double(val[k]) }
                            }
                        }
                        bias -= rate * gradient * 0.01
                    }
                    step += 1
                }
            }
            let weights = coefficients.map { Float($0 * scale) }
            let margins = dev.vectors.map { vector in weights.withUnsafeBufferPointer { vector.dot($0) } + bias }
            let calibration = PlattCalibration.fit(margins: margins, labels: dev.labels)
            let loss = Self.logLoss(margins.map { calibration.probability(margin: $0) }, dev.labels)
            if loss < bestLoss - 1e-5 {
                bestLoss = loss
                bestWeights = weights
                bestBias = bias
                bestCalibration = calibration
                bestEpoch = epoch
                bestAUC = EvaluationFigures.rocAUC(scores: margins, labels: dev.labels)
                stale = 0
            } else {
                stale += 1
                if stale >= options.patience { break }
            }
        }
        return (bestWeights, bestBias, bestCalibration, bestLoss, bestEpoch, bestAUC)
    }

    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    static func logLoss(_ probabilities: [Double], _ labels: [Int]) -> Double {
        var sum = 0.0
        for (p, label) in zip(probabilities, labels) {
            let clipped = min(1 - 1e-12, max(1e-12, p))
            sum -= label == 1 ? log(clipped) : log(1 - clipped)
        }
        return sum / Double(max(labels.count, 1))
    }

    /// The probability threshold with the best F1 on the given scores.
    static func bestF1Threshold(scores: [Double], labels: [Int]) -> Double {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let positives = labels.filter { $0 == 1 }.count
        var truePositives = 0
        var bestF1 = -1.0
        var bestThreshold = 0.5
        for (rank, index) in order.enumerated() {
            if labels[index] == 1 { truePositives += 1 }
            if rank + 1 < order.count && scores[order[rank + 1]] == scores[index] { continue }
            let precision = Double(truePositives) / Double(rank + 1)
            let recall = Double(truePositives) / Double(max(positives, 1))
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            if f1 > bestF1 {
                bestF1 = f1
                bestThreshold = scores[index]
            }
        }
        return bestThreshold
    }
}
