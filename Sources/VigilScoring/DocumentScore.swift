import VigilAssessment
import VigilText

/// Everything vigil concludes about one text: the `vigil scan --jsonl` record.
public struct DocumentScore: Sendable {
    /// Calibrated probability that the text as a whole is hostile.
    public var hostility: Double
    /// Calibrated probability that an agent wrote it (after the source prior, if any).
    public var agent: Double
    /// The agent probability from the text alone.
    public var textAgent: Double
    public var mentions: [Mention]
    /// One entry per mentioned person, in order of first mention.
    public var attacks: [PersonAttack]
    /// The highest severity over the mentioned people (none without mentions).
    public var severity: Severity
    /// The kind of the most severe person's finding (attack before coverage before
    /// mention on a tie); `mention` without mentions.
    public var kind: FindingKind
    public var evidence: [EvidenceSentence]
    public var sentences: [Sentence]
    /// Hostility of each sentence, parallel to `sentences`.
    public var sentenceHostility: [Double]
    public var sentenceAgent: [Double]
}

extension DocumentScore {
    /// The kind a text as a whole is reported as: that of its most severe person,
    /// attack before coverage before mention when severities tie.
    static func leadingKind(of attacks: [PersonAttack]) -> FindingKind {
        func rank(_ kind: FindingKind) -> Int {
            switch kind {
            case .attack: 2
            case .coverage: 1
            case .mention: 0
            }
        }
        return attacks.max { ($0.severity, rank($0.kind)) < ($1.severity, rank($1.kind)) }?.kind ?? .mention
    }
}
