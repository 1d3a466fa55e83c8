import VigilAssessment

/// The stance model's answer for one person: how likely the text attacks them,
/// covers an attack on them, or only mentions them. The three sum to 1.
public struct StanceProbabilities: Sendable, Equatable {
    public var attack: Double
    public var coverage: Double
    public var mention: Double

    public init(attack: Double, coverage: Double, mention: Double) {
        self.attack = attack
        self.coverage = coverage
        self.mention = mention
    }

    subscript(kind: FindingKind) -> Double {
        switch kind {
        case .attack: attack
        case .coverage: coverage
        case .mention: mention
        }
    }

    /// The most likely kind; on a tie, attack before coverage before mention.
    public var kind: FindingKind {
        if attack >= coverage && attack >= mention { return .attack }
        return coverage >= mention ? .coverage : .mention
    }
}
