/// The knobs of `vigil train`. The defaults are what the shipped models used.
public struct TrainingOptions: Sendable {
    /// Seeds the dev split and the example order; same seed and data, same weights.
    public var seed: UInt64 = 7
    /// L2 strengths tried; the one with the best calibrated dev log loss is kept.
    public var l2Candidates: [Double] = [1e-5, 3e-6, 1e-6]
    /// Upper bound on the first step size; Bottou's heuristic alone overshoots on
    /// L2-normalised features and makes small L2 strengths diverge.
    public var initialLearningRate = 0.5
    public var maxEpochs = 30
    /// Epochs without improvement on the dev split before training stops.
    public var patience = 3
    /// Share of the training data held out as the dev split when no dev file is given.
    public var devFraction = 0.1
    public var features = FeatureConfiguration.standard

    public init() {}
}
