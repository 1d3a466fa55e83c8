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

    /// Hostility and agent probabilities of one piece of text, read as a document:
    /// the sum of its sentences' features.
    public func probabilities(of text: Substring, workspace: ScoringWorkspace) -> (hostility: Double, agent: Double) {
        hostilityModel.extractor.extract(text, into: workspace.hostility)
        let hostility: Double
        let agent: Double
        if let separate = workspace.agent {
            agentModel.extractor.extract(text, into: separate)
            hostility = probability(hostilityModel, of: workspace.hostility.sum, in: workspace.hostility)
            agent = probability(agentModel, of: separate.sum, in: separate)
        } else {
            let both = probabilities(of: workspace.hostility.sum, in: workspace.hostility)
            (hostility, agent) = (both.x, both.y)
        }
        return (hostility, agent)
    }

    private func probability(_ model: TextModel, of counts: FeatureCounts, in features: FeatureWorkspace) -> Double {
        model.header.calibration.probability(margin: model.margin(of: counts, in: features))
    }

    private func probability(_ model: TextModel, of sentence: SentenceCounts, in features: FeatureWorkspace) -> Double {
        model.header.calibration.probability(margin: model.margin(of: sentence, in: features))
    }

    /// Both models' probabilities of counts read with the shared features.
    private func probabilities(of counts: FeatureCounts, in features: FeatureWorkspace) -> SIMD2<Double> {
        guard let sharedSlots else {
            return SIMD2(probability(hostilityModel, of: counts, in: features), probability(agentModel, of: counts, in: features))
        }
        let hashed = sharedSlots.withUnsafeBufferPointer {
            features.hashedMargins($0, words: counts.words, characters: counts.characters)
        }
        features.fillDense(from: counts.statistics)
        return probabilities(hashed: hashed, dense: features.dense)
    }

    /// Both models' probabilities from the hashed parts of their margins and the stylometric values.
    private func probabilities(hashed: (first: Double, second: Double), dense: [Double]) -> SIMD2<Double> {
        SIMD2(
            hostilityModel.header.calibration.probability(margin: hostilityModel.margin(hashed: hashed.first, dense: dense)),
            agentModel.header.calibration.probability(margin: agentModel.margin(hashed: hashed.second, dense: dense))
        )
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
        var people: [(mention: Mention, attributed: [Int])] = []
        var seen = Set<Int>()
        for mention in mentions where !seen.contains(mention.personIndex) {
            seen.insert(mention.personIndex)
            let named = Set(mentions.filter { $0.personIndex == mention.personIndex }.map(\.sentence))
            people.append((mention, attribute(named: named, sentences: sentences)))
        }
        // A passage of one sentence is that sentence's score; longer ones are summed.
        let passages = people.map { $0.attributed.count > 1 ? $0.attributed : [] }
        let read: Reading
        if let separate = workspace.agent {
            func readWith(_ model: TextModel, _ features: FeatureWorkspace, passages: [[Int]], lane: SIMD2<Double>) -> Reading {
                self.read(
                    sentences, passages: passages, features: features, extractor: model.extractor,
                    scoreSentence: { features, addToSum in
                        let probability = model.header.calibration.probability(margin: model.margin(of: features.sentence, in: features))
                        if addToSum { features.addSentenceToSum() }
                        return lane * probability
                    },
                    scoreSum: { lane * probability(model, of: $0.sum, in: $0) })
            }
            let hostility = readWith(hostilityModel, workspace.hostility, passages: passages, lane: SIMD2(1, 0))
            let agent = readWith(agentModel, separate, passages: [], lane: SIMD2(0, 1))
            read = Reading(
                sentences: zip(hostility.sentences, agent.sentences).map { SIMD2($0.x, $1.y) },
                document: SIMD2(hostility.document.x, agent.document.y), passages: hostility.passages)
        } else {
            read = self.read(
                sentences, passages: passages, features: workspace.hostility, extractor: hostilityModel.extractor,
                scoreSentence: { features, addToSum in
                    guard let sharedSlots else {
                        let both = SIMD2(
                            probability(hostilityModel, of: features.sentence, in: features),
                            probability(agentModel, of: features.sentence, in: features))
                        if addToSum { features.addSentenceToSum() }
                        return both
                    }
                    features.fillDense(from: features.sentence.statistics)
                    let hashed = sharedSlots.withUnsafeBufferPointer { features.sentenceMargins($0, addToSum: addToSum) }
                    return probabilities(hashed: hashed, dense: features.dense)
                },
                scoreSum: { probabilities(of: $0.sum, in: $0) })
        }
        let document = (hostility: read.document.x, agent: read.document.y)
        let sentenceHostility = read.sentences.map(\.x)
        let sentenceAgent = read.sentences.map(\.y)
        let agent = prior?.adjust(document.agent) ?? document.agent

        var attacks: [PersonAttack] = []
        for (index, person) in people.enumerated() {
            let targeted = targetedHostility(
                attributed: person.attributed, scores: sentenceHostility, passage: read.passages[index])
            let score = policy.combine(targeted: targeted, document: document.hostility, agent: agent)
            attacks.append(PersonAttack(
                person: person.mention.person, personIndex: person.mention.personIndex, score: score,
                severity: policy.severity(for: score), targetedHostility: targeted, sentences: person.attributed))
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

    /// What one reading of a text gives: (hostility, agent) per sentence and for the
    /// document, and the hostility of each passage asked for (nil for an empty one).
    private struct Reading {
        var sentences: [SIMD2<Double>]
        var document: SIMD2<Double>
        var passages: [Double?]
    }

    /// Reads each sentence once: keeps a copy if a passage needs it, scores it and adds
    /// it to the document's sum (`scoreSentence` does both, in one pass when it can);
    /// then scores the document and the passages (given as ascending sentence indices)
    /// from the sums with `scoreSum`.
    private func read(
        _ sentences: [Sentence],
        passages: [[Int]],
        features: FeatureWorkspace,
        extractor: FeatureExtractor,
        scoreSentence: (FeatureWorkspace, Bool) -> SIMD2<Double>,
        scoreSum: (FeatureWorkspace) -> SIMD2<Double>
    ) -> Reading {
        features.sum.clear()
        features.kept.removeAll()
        let budget = extractor.configuration.maxScalars
        var next = [Int](repeating: 0, count: passages.count)
        var passageScalars = [Int](repeating: 0, count: passages.count)
        var keptIndices = [[Int]](repeating: [], count: passages.count)
        var scores: [SIMD2<Double>] = []
        scores.reserveCapacity(sentences.count)
        for (index, sentence) in sentences.enumerated() {
            extractor.extractSentence(sentence.text[...], into: features)
            var keptAt: Int?
            for passage in passages.indices where next[passage] < passages[passage].count && passages[passage][next[passage]] == index {
                next[passage] += 1
                // The same budget as the sum's, so that no sentence the sum would skip is copied.
                guard passageScalars[passage] < budget else { continue }
                passageScalars[passage] += features.sentence.statistics.scalars
                if keptAt == nil { keptAt = features.kept.keep(features.sentence) }
                keptIndices[passage].append(keptAt!)
            }
            // With one sentence the sum is that sentence: no need to add it up.
            let addToSum = sentences.count > 1
            scores.append(scoreSentence(features, addToSum))
        }
        let document = sentences.count == 1 ? scores[0] : scoreSum(features)
        var passageScores: [Double?] = []
        for kept in keptIndices {
            guard !kept.isEmpty else {
                passageScores.append(nil)
                continue
            }
            features.sum.clear()
            for index in kept { features.addKeptSentenceToSum(index) }
            passageScores.append(scoreSum(features).x)
        }
        return Reading(sentences: scores, document: document, passages: passageScores)
    }

    /// Hostility of what the text says about one person: the hostility model on the
    /// passage made of the sentences attributed to them (the sum of their features),
    /// or for a single sentence, that sentence's score.
    func targetedHostility(attributed: [Int], scores: [Double], passage: Double?) -> Double {
        guard !attributed.isEmpty else { return 0 }
        if attributed.count > 1, let passage { return passage }
        let top = attributed.map { scores[$0] }.sorted(by: >).prefix(max(1, policy.sentencesAveraged))
        return top.reduce(0, +) / Double(top.count)
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
