import VigilAssessment
import VigilScoring
import VigilStore
import VigilText

/// The Scorer stage: runs the trained models over an entry that mentions
/// watched people, and turns each targeted attack into a finding draft with
/// its own evidence (the hostile sentences attributed to that person, and
/// the sentences that read most like an agent wrote them).
public struct ScoringStep: Sendable {
    public let scorer: TextScorer
    /// Names the models (and their weights) behind every finding.
    public let modelVersion: String

    public init(scorer: TextScorer) {
        self.scorer = scorer
        modelVersion = "hostility-\(scorer.hostilityModel.weightsDigest.prefix(8))+agent-\(scorer.agentModel.weightsDigest.prefix(8))"
            + (scorer.stanceModel.map { "+stance-\($0.digest.prefix(8))" } ?? "")
    }

    /// The text-only agent probability of an entry (no source prior), which
    /// every new or edited entry keeps as the history of its feed and author.
    /// Both models read the text in one pass; only the agent score is kept.
    public func agent(of text: String, workspace: ScoringWorkspace) -> Double {
        scorer.probabilities(of: text[...], workspace: workspace).agent
    }

    /// Findings for every watched person among `mentions` (the Mentions
    /// stage's, over the same text); empty when there are none. `workspace`
    /// is reused across a poll's entries.
    public func findings(
        for text: String, mentions: [Mention], watchlist: WatchlistSnapshot, prior: SourcePrior?, workspace: ScoringWorkspace? = nil
    ) -> [FindingDraft] {
        let score = scorer.score(text, mentions: mentions, prior: prior, workspace: workspace)
        guard !score.attacks.isEmpty else { return [] }
        let agentEvidence = score.evidence.filter { $0.kind == .agent }
        return score.attacks.compactMap { attack in
            guard let personID = watchlist.personID(forIndex: attack.personIndex) else { return nil }
            // The scorer picks the sentences that show this person's finding: for an
            // attack, the author's own hostile words and the steps of a campaign.
            let hostile = attack.evidence.map { index in
                    let sentence = score.sentences[index]
                    return Evidence(kind: .hostile, start: sentence.start, end: sentence.end, score: score.sentenceHostility[index],
                        text: EvidenceSentence.excerpt(sentence.text))
                }
            return FindingDraft(
                personID: personID, hostility: score.hostility, agent: score.agent, attack: attack.score,
                severity: attack.severity, kind: attack.kind,
                evidence: hostile + agentEvidence, modelVersion: modelVersion)
        }
    }
}
