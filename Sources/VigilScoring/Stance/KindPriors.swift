/// Expected shares of attacks, coverage and mentions among the texts that name a
/// watched person, which the stance model's probabilities are moved to.
public struct KindPriors: Codable, Sendable, Equatable {
    public var attack: Double
    public var coverage: Double
    public var mention: Double

    public init(attack: Double, coverage: Double, mention: Double) {
        self.attack = attack
        self.coverage = coverage
        self.mention = mention
    }

    /// What the model was fitted with: every kind equally often.
    public static let uniform = KindPriors(attack: 1, coverage: 1, mention: 1)
    /// One attack and one piece of coverage for every two mentions: still far more
    /// attacks than a maintainer's week brings, so that recall is given up only
    /// where the text says little either way.
    public static let standard = KindPriors(attack: 1, coverage: 1, mention: 2)

    /// `probabilities`, fitted with equal priors, under these priors.
    public func apply(to probabilities: StanceProbabilities) -> StanceProbabilities {
        let attack = probabilities.attack * self.attack
        let coverage = probabilities.coverage * self.coverage
        let mention = probabilities.mention * self.mention
        let total = attack + coverage + mention
        guard total > 0, total.isFinite else { return probabilities }
        return StanceProbabilities(attack: attack / total, coverage: coverage / total, mention: mention / total)
    }
}
