import Foundation

/// What the sentence encoder reads in the sentences about a person: a multinomial
/// logistic regression over the mean and the largest value of each dimension of
/// their vectors, giving how far the passage reads as an attack, and as coverage,
/// rather than a mention. Word counts learn the phrasing of their training texts;
/// the encoder places "calls him a coward" near "questions his courage", so this
/// reading carries to phrasing the counts have not seen. Its two logits are signals
/// of the stance model (`StanceTraining` says how the model learns to trust them).
public struct PassageReading: Codable, Sendable, Equatable {
    /// At most this many of the person's sentences are encoded, in text order: the
    /// encoder costs a few milliseconds a sentence.
    public static let sentenceLimit = 8
    /// The logits are clipped, so that one confident reading cannot outweigh every
    /// other signal.
    static let logitLimit = 8.0

    public var mean: [Double]
    public var deviation: [Double]
    /// Rows for attack and coverage against mention, over the standardised features,
    /// and a third for campaign attacks when the training data marked them.
    public var weights: [[Double]]
    public var bias: [Double]
    public var l2: Double
    /// SHA-256 of the official encoder weights the features were read with.
    public var encoderSource: String

    static var featureCount: Int { 2 * SentenceEncoder.dimensions }

    /// Mean and largest value per dimension of the sentences' vectors.
    static func features(of sentences: [Substring], encoder: SentenceEncoder) -> [Float] {
        let vectors = sentences.prefix(sentenceLimit).map { encoder.embed($0) }
        let dimensions = SentenceEncoder.dimensions
        guard !vectors.isEmpty else { return [Float](repeating: 0, count: 2 * dimensions) }
        var mean = [Float](repeating: 0, count: dimensions)
        var largest = [Float](repeating: -.infinity, count: dimensions)
        for vector in vectors {
            for index in 0..<dimensions {
                mean[index] += vector[index] / Float(vectors.count)
                largest[index] = max(largest[index], vector[index])
            }
        }
        return mean + largest
    }

    /// Attack and coverage logits against mention; with a campaign row, the attack
    /// logit is that of either form (the log of the sum of their odds).
    func logits(_ features: [Float]) -> (attack: Double, coverage: Double) {
        let margins = weights.indices.map { row in
            var margin = bias[row]
            for index in features.indices { margin += weights[row][index] * (Double(features[index]) - mean[index]) / deviation[index] }
            return margin
        }
        var attack = margins[0]
        if margins.count > 2 {
            let top = max(margins[0], margins[2])
            attack = top + log(exp(margins[0] - top) + exp(margins[2] - top))
        }
        let limit = Self.logitLimit
        return (min(limit, max(-limit, attack)), min(limit, max(-limit, margins[1])))
    }

    func validate() throws(ModelFileError) {
        let n = Self.featureCount
        guard mean.count == n, deviation.count == n, (2...3).contains(weights.count), weights.allSatisfy({ $0.count == n }),
              bias.count == weights.count,
              (mean + deviation + bias + weights.flatMap { $0 }).allSatisfy(\.isFinite), deviation.allSatisfy({ $0 > 0 })
        else { throw .invalid("stance model's passage reading has the wrong size or numbers that are not finite") }
    }
}
