import Foundation
import VigilText

/// Scores a text for hostility, agent authorship and targeted attacks on watched
/// people: the Scorer stage of the pipeline, and `vigil scan`.
public struct TextScorer: Sendable {
    public let hostilityModel: TextModel
    public let agentModel: TextModel
    public var policy: AttackPolicy
    private let splitter = SentenceSplitter()
    /// When both models count the same features: per hashed slot, the hostility
    /// model's inverse document frequency and weight, then the agent model's, so that
    /// one pass over a text's slots serves both models.
    private let sharedSlots: [SIMD4<Float>]?

    public init(hostility: TextModel, agent: TextModel, policy: AttackPolicy = .standard) throws(ModelFileError) {
        guard hostility.task == .hostility else { throw .invalid("expected a hostility model, got \(hostility.task.rawValue)") }
        guard agent.task == .agent else { throw .invalid("expected an agent model, got \(agent.task.rawValue)") }
        hostilityModel = hostility
        agentModel = agent
        self.policy = policy
        if hostility.header.features == agent.header.features {
            let hostilityIDF = hostility.idf, agentIDF = agent.idf
            let hostilityWeights = hostility.weights, agentWeights = agent.weights
            sharedSlots = (0..<hostility.header.features.hashSize).map { slot in
                SIMD4(hostilityIDF?[slot] ?? 1, hostilityWeights[slot], agentIDF?[slot] ?? 1, agentWeights[slot])
            }
        } else {
            sharedSlots = nil
        }
    }

    /// The scorer with the models shipped inside vigil.
    public static func shipped(policy: AttackPolicy = .standard) throws(ModelFileError) -> TextScorer {
        try TextScorer(hostility: TextModel.shipped(.hostility), agent: TextModel.shipped(.agent), policy: policy)
    }

    public func makeWorkspace() -> ScoringWorkspace {
        ScoringWorkspace(hostility: hostilityModel, agent: agentModel)
    }

    /// Hostility and agent probabilities of one piece of text.
    public func probabilities(of text: Substring, workspace: ScoringWorkspace) -> (hostility: Double, agent: Double) {
        hostilityModel.extractor.extract(text, into: workspace.hostility)
        if let sharedSlots, workspace.agent == nil {
            let features = workspace.hostility
            let hashed = sharedSlots.withUnsafeBufferPointer { features.hashedMargins($0) }
            return (
                hostilityModel.header.calibration.probability(margin: hostilityModel.margin(hashed: hashed.first, dense: features.dense)),
                agentModel.header.calibration.probability(margin: agentModel.margin(hashed: hashed.second, dense: features.dense))
            )
        }
        // Each model weighs the shared counts with its own document frequencies.
        let hostility = hostilityModel.header.calibration.probability(margin: hostilityModel.margin(ofExtracted: workspace.hostility))
        let agentFeatures: FeatureWorkspace
        if let separate = workspace.agent {
            agentModel.extractor.extract(text, into: separate)
            agentFeatures = separate
        } else {
            agentFeatures = workspace.hostility
        }
        let agent = agentModel.header.calibration.probability(margin: agentModel.margin(ofExtracted: agentFeatures))
        return (hostility, agent)
    }

    /// Scores `text`: the document, each sentence, and each watched person `matcher`
    /// finds in it. `prior` is the history of the feed or author, when the store has one.
    public func score(
        _ text: String,
        matcher: MentionMatcher? = nil,
        prior: SourcePrior? = nil,
        workspace: ScoringWorkspace? = nil
    ) -> DocumentScore {
        let sentences = splitter.sentences(in: text)
        let mentions = matcher.map { $0.mentions(in: text, sentences: sentences) } ?? []
        return score(text, sentences: sentences, mentions: mentions, prior: prior, workspace: workspace)
    }

    /// Scores `text` whose sentences and mentions the pipeline has found already
    /// (with `SentenceSplitter` and `MentionMatcher` over the same text, so that the
    /// mentions' sentence indices point into `sentences`).
    public func score(
        _ text: String,
        sentences: [Sentence],
        mentions: [Mention],
        prior: SourcePrior? = nil,
        workspace: ScoringWorkspace? = nil
    ) -> DocumentScore {
        let workspace = workspace ?? makeWorkspace()
        let document = probabilities(of: text[...], workspace: workspace)
        var sentenceHostility: [Double] = []
        var sentenceAgent: [Double] = []
        sentenceHostility.reserveCapacity(sentences.count)
        sentenceAgent.reserveCapacity(sentences.count)
        for sentence in sentences {
            // A one-sentence text is its own sentence: no need to read it twice.
            let scores = sentences.count == 1 && sentence.text == text.trimmingCharacters(in: .whitespacesAndNewlines)
                ? document : probabilities(of: sentence.text[...], workspace: workspace)
            sentenceHostility.append(scores.hostility)
            sentenceAgent.append(scores.agent)
        }
        let agent = prior?.adjust(document.agent) ?? document.agent

        var attacks: [PersonAttack] = []
        var seen = Set<Int>()
        for mention in mentions where !seen.contains(mention.personIndex) {
            seen.insert(mention.personIndex)
            let named = Set(mentions.filter { $0.personIndex == mention.personIndex }.map(\.sentence))
            let attributed = attribute(named: named, sentences: sentences)
            let targeted = targetedHostility(attributed: attributed, sentences: sentences, scores: sentenceHostility, workspace: workspace)
            let score = policy.combine(targeted: targeted, document: document.hostility, agent: agent)
            attacks.append(PersonAttack(
                person: mention.person, personIndex: mention.personIndex, score: score,
                severity: policy.severity(for: score), targetedHostility: targeted, sentences: attributed))
        }

        var evidence: [EvidenceSentence] = []
        for (kind, scores, minimum) in [
            (EvidenceSentence.Kind.hostile, sentenceHostility, policy.hostileEvidenceMinimum),
            (.agent, sentenceAgent, policy.agentEvidenceMinimum),
        ] {
            let ranked = scores.indices.filter { scores[$0] >= minimum }.sorted { scores[$0] > scores[$1] }
            for index in ranked.prefix(policy.evidencePerKind) {
                let sentence = sentences[index]
                evidence.append(EvidenceSentence(
                    kind: kind, start: sentence.start, end: sentence.end, score: scores[index], text: sentence.text))
            }
        }

        return DocumentScore(
            hostility: document.hostility, agent: agent, textAgent: document.agent, mentions: mentions,
            attacks: attacks, severity: attacks.map(\.severity).max() ?? .none, evidence: evidence,
            sentences: sentences, sentenceHostility: sentenceHostility, sentenceAgent: sentenceAgent)
    }

    /// Hostility of what the text says about one person: the hostility model on the
    /// passage made of the sentences attributed to them, or the mean of their most
    /// hostile sentences if that is higher. The passage reads accusations spread over
    /// several civil sentences together, as the document model does; the sentence mean
    /// keeps a single blunt insult from being diluted by a long friendly passage.
    func targetedHostility(attributed: [Int], sentences: [Sentence], scores: [Double], workspace: ScoringWorkspace) -> Double {
        guard !attributed.isEmpty else { return 0 }
        let top = attributed.map { scores[$0] }.sorted(by: >).prefix(max(1, policy.sentencesAveraged))
        let sentenceMean = top.reduce(0, +) / Double(top.count)
        guard attributed.count > 1 else { return sentenceMean }
        let passage = attributed.map { sentences[$0].text }.joined(separator: " ")
        return probabilities(of: passage[...], workspace: workspace).hostility
    }

    /// Sentences about a person: those that name them, and those that refer back
    /// to them within `referenceWindow` sentences of the last sentence about them.
    func attribute(named: Set<Int>, sentences: [Sentence]) -> [Int] {
        var attributed: [Int] = []
        var anchor: Int?
        for index in sentences.indices {
            if named.contains(index) {
                attributed.append(index)
                anchor = index
            } else if let last = anchor, index - last <= policy.referenceWindow,
                      BackReference.refersBack(sentences[index].text) {
                attributed.append(index)
                anchor = index
            }
        }
        return attributed
    }
}
