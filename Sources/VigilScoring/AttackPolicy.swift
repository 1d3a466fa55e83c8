import Foundation
import VigilAssessment

/// How the attack score is put together and cut into severities. The config file
/// may override any of it; the defaults are documented in docs/scoring.md.
public struct AttackPolicy: Codable, Sendable, Equatable {
    /// Attack scores at or above these give low, medium and high severity.
    public var lowThreshold: Double
    public var mediumThreshold: Double
    public var highThreshold: Double
    /// Share of the targeted hostility in the base score; the rest is document hostility.
    public var targetedWeight: Double
    /// Log-odds added to the base score when the agent likelihood is above 0.5, in
    /// proportion to how far above: an attack that an unattended agent wrote and
    /// published is the case vigil exists for. Below 0.5 nothing is taken away, since
    /// a person's attack is no less an attack, and a small weight keeps the agent
    /// model's errors on prose it was not trained for from reordering attacks.
    public var agentLogOdds: Double
    /// Targeted hostility averages this many of the person's most hostile sentences,
    /// so one unlucky sentence in a friendly article does not make an attack.
    public var sentencesAveraged: Int
    /// A sentence that refers back to a person ("she", "the maintainer") is attributed
    /// to them when it comes at most this many sentences after the last one about them.
    public var referenceWindow: Int
    /// Evidence: at most this many sentences of each kind, above these scores.
    public var evidencePerKind: Int
    public var hostileEvidenceMinimum: Double
    public var agentEvidenceMinimum: Double
    /// The highest severity a text that does not attack the person may reach:
    /// coverage of an attack belongs in the digest, not on the pager.
    public var ceilingWithoutAttack: Severity
    /// How often each kind is expected among the texts that name a watched person.
    /// The stance model was fitted on equal numbers of each; its probabilities are
    /// moved to these priors (Bayes' rule), because among real mentions attacks are
    /// the rare case, and a text with little to go on should read as a mention.
    public var kindPriors: KindPriors
    /// Attack probabilities (after the kind priors, before the encoder's reading)
    /// for which the sentence encoder re-reads the person's sentences; outside it
    /// the other signals decide alone, and `nil` never runs the encoder. The band
    /// was chosen on the dev pool: against reading every person, 0.05-0.95 moved
    /// one of its 360 kinds (a coverage text read as a mention) and no severity at
    /// medium or above, and it encodes about a third less on the long-form set
    /// (with the two attack rows, 3 kinds of 550 and 2 texts across medium; a
    /// narrower band moves more).
    public var readingBand: ClosedRange<Double>? = 0.05...0.95

    public init(
        lowThreshold: Double = 0.35, mediumThreshold: Double = 0.55, highThreshold: Double = 0.75,
        targetedWeight: Double = 0.75, agentLogOdds: Double = 0.5,
        sentencesAveraged: Int = 3, referenceWindow: Int = 2,
        evidencePerKind: Int = 3, hostileEvidenceMinimum: Double = 0.3, agentEvidenceMinimum: Double = 0.5,
        ceilingWithoutAttack: Severity = .low, kindPriors: KindPriors = .standard
    ) {
        self.lowThreshold = lowThreshold
        self.mediumThreshold = mediumThreshold
        self.highThreshold = highThreshold
        self.targetedWeight = targetedWeight
        self.agentLogOdds = agentLogOdds
        self.sentencesAveraged = sentencesAveraged
        self.referenceWindow = referenceWindow
        self.evidencePerKind = evidencePerKind
        self.hostileEvidenceMinimum = hostileEvidenceMinimum
        self.agentEvidenceMinimum = agentEvidenceMinimum
        self.ceilingWithoutAttack = ceilingWithoutAttack
        self.kindPriors = kindPriors
    }

    public static let standard = AttackPolicy()

    public func severity(for attack: Double) -> Severity {
        if attack >= highThreshold { return .high }
        if attack >= mediumThreshold { return .medium }
        if attack >= lowThreshold { return .low }
        return .none
    }

    /// attack = sigmoid(logit(w·targeted + (1−w)·document) + agentLogOdds·2·max(0, agent − 0.5)):
    /// the score of a scorer without a stance model.
    public func combine(targeted: Double, document: Double, agent: Double) -> Double {
        lift(targetedWeight * targeted + (1 - targetedWeight) * document, agent: agent)
    }

    /// sigmoid(logit(base) + agentLogOdds·2·max(0, agent − 0.5)): agent likelihood
    /// only ever raises an attack score.
    public func lift(_ base: Double, agent: Double) -> Double {
        let base = min(1 - 1e-6, max(1e-6, base))
        let logit = log(base / (1 - base)) + agentLogOdds * 2 * max(0, agent - 0.5)
        return 1 / (1 + exp(-logit))
    }

    /// Severity that follows the kind: medium and high are for attacks; coverage
    /// is at least low (news of an attack on the person is theirs to know) and at
    /// most `ceilingWithoutAttack`, as is a mention.
    public func severity(for attack: Double, kind: FindingKind) -> Severity {
        let byScore = severity(for: attack)
        switch kind {
        case .attack: return byScore
        case .coverage: return min(ceilingWithoutAttack, max(.low, byScore))
        case .mention: return min(ceilingWithoutAttack, byScore)
        }
    }
}
