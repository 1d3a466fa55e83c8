/// Everything in a model file but the weights: how to compute the features, how to
/// turn a margin into a probability, and how the model was trained.
public struct ModelHeader: Codable, Sendable, Equatable {
    public var task: ScoringTask
    public var features: FeatureConfiguration
    /// Names of the stylometric features, in weight order after the hashed slots.
    public var denseNames: [String]
    /// Training-set mean and standard deviation of each stylometric feature.
    public var denseMean: [Double]
    public var denseDeviation: [Double]
    public var bias: Double
    public var calibration: PlattCalibration
    /// The probability at or above which the model says "yes" (chosen for F1 on the dev split).
    public var threshold: Double
    /// Whether a table of slot scales (one Float32 per hashed slot: inverse document
    /// frequency, times the naive-Bayes ratio when training used one) follows the
    /// weights in the file.
    public var inverseDocumentFrequency: Bool
    public var training: TrainingSummary
}

/// How a model was trained, kept in the file so that it can be reproduced.
public struct TrainingSummary: Codable, Sendable, Equatable {
    public var seed: UInt64
    public var trainExamples: Int
    public var devExamples: Int
    /// Where the dev split came from: a file, or a seeded stratified share of the training data.
    public var devSource: String
    public var l2: Double
    public var epochs: Int
    public var devLogLoss: Double
    public var devROCAUC: Double
    public var dataFiles: [String]
}
