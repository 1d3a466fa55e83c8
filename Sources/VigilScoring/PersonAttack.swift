import VigilAssessment

/// The attack score of one watched person in one text, and what it was made of,
/// so that `vigil findings show` can explain it.
public struct PersonAttack: Sendable, Equatable {
    public var person: String
    public var personIndex: Int
    public var score: Double
    public var severity: Severity
    /// Whether the author attacks the person, covers an attack on them, or only mentions them.
    public var kind: FindingKind
    /// Mean hostility of the person's most hostile attributed sentences.
    public var targetedHostility: Double
    /// Indices of the sentences attributed to the person.
    public var sentences: [Int]
    /// Indices of the sentences that show the finding, most telling first.
    public var evidence: [Int]
    /// The stance model's reading, when the scorer has one.
    public var stance: StanceProbabilities?
    /// What the stance model read (also the training input of `vigil train --task stance`).
    public var stanceFeatures: StanceFeatures?

    public init(person: String, personIndex: Int, score: Double, severity: Severity, kind: FindingKind, targetedHostility: Double, sentences: [Int],
        evidence: [Int] = [], stance: StanceProbabilities? = nil, stanceFeatures: StanceFeatures? = nil
    ) {
        self.person = person
        self.personIndex = personIndex
        self.score = score
        self.severity = severity
        self.kind = kind
        self.targetedHostility = targetedHostility
        self.sentences = sentences
        self.evidence = evidence
        self.stance = stance
        self.stanceFeatures = stanceFeatures
    }
}
