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
    public var evidence: [EvidenceSentence]
    public var sentences: [Sentence]
    /// Hostility of each sentence, parallel to `sentences`.
    public var sentenceHostility: [Double]
    public var sentenceAgent: [Double]
}
