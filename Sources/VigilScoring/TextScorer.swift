import Foundation
import VigilAssessment
import VigilText

/// Scores a text for hostility, agent authorship and targeted attacks on watched
/// people: the Scorer stage of the pipeline, and `vigil scan`.
public struct TextScorer: Sendable {
    public let hostilityModel: TextModel
    public let agentModel: TextModel
    /// Reads whether the text attacks a person, covers an attack on them or only
    /// mentions them. Without one, the kind follows the attack score alone (the
    /// scorer that `vigil train --task stance` reads features with).
    public let stanceModel: StanceModel?
    /// Reads the sentences about a person for the stance model, when it has a
    /// passage reading: the one given, or the shipped one, read when a text first
    /// needs it.
    public var encoder: SentenceEncoder? {
        switch encoderChoice {
        case .given(let encoder)?: encoder
        case .shipped?: try? SentenceEncoder.shipped()
        case nil: nil
        }
    }
    private enum EncoderChoice: Sendable {
        case given(SentenceEncoder)
        case shipped
    }
    private let encoderChoice: EncoderChoice?
    public var policy: AttackPolicy
    private let splitter = SentenceSplitter()
    /// The slot table texts are read against: both models' when they count the same
    /// features (one reading serves both), else the hostility model's.
    private let table: SlotTable
    /// The agent model's own table when its features differ from the hostility model's.
    private let agentTable: SlotTable?

    public init(
        hostility: TextModel, agent: TextModel, stance: StanceModel? = nil, encoder: SentenceEncoder? = nil,
        policy: AttackPolicy = .standard
    ) throws(ModelFileError) {
        guard hostility.task == .hostility else { throw .invalid("expected a hostility model, got \(hostility.task.rawValue)") }
        guard agent.task == .agent else { throw .invalid("expected an agent model, got \(agent.task.rawValue)") }
        hostilityModel = hostility
        agentModel = agent
        stanceModel = stance
        // A stance model with a passage reading needs the encoder it was fitted with.
        let source: String?
        if let encoder {
            encoderChoice = .given(encoder)
            source = encoder.sourceDigest
        } else if stance?.passageReading != nil {
            encoderChoice = .shipped
            source = try SentenceEncoder.shippedSourceDigest()
        } else {
            encoderChoice = nil
            source = nil
        }
        if let reading = stance?.passageReading, let source, !reading.encoderSource.isEmpty, reading.encoderSource != source {
            throw .invalid("the stance model was fitted with another sentence encoder; retrain it")
        }
        self.policy = policy
        if hostility.header.features == agent.header.features {
            table = SlotTable(hostility, agent)
            agentTable = nil
        } else {
            table = SlotTable(hostility)
            agentTable = SlotTable(agent)
        }
    }

    /// The scorer with the models shipped inside vigil.
    public static func shipped(policy: AttackPolicy = .standard) throws(ModelFileError) -> TextScorer {
        try TextScorer(
            hostility: TextModel.shipped(.hostility), agent: TextModel.shipped(.agent), stance: StanceModel.shipped(),
            policy: policy)
    }

    public func makeWorkspace() -> ScoringWorkspace {
        ScoringWorkspace(
            hostility: FeatureWorkspace(configuration: hostilityModel.header.features, table: table),
            agent: agentTable.map { FeatureWorkspace(configuration: agentModel.header.features, table: $0) })
    }

    /// Hostility and agent probabilities of one piece of text, read as a document:
    /// the sum of its sentences' features.
    public func probabilities(of text: Substring, workspace: ScoringWorkspace) -> (hostility: Double, agent: Double) {
        hostilityModel.extractor.extract(text, into: workspace.hostility)
        guard let separate = workspace.agent else {
            let both = probabilities(of: workspace.hostility.sum, in: workspace.hostility)
            return (both.x, both.y)
        }
        agentModel.extractor.extract(text, into: separate)
        return (
            probability(hostilityModel, of: workspace.hostility.sum, in: workspace.hostility),
            probability(agentModel, of: separate.sum, in: separate)
        )
    }

    /// One model's probability of a reading against that model's own table.
    private func probability(_ model: TextModel, of reading: SentenceReading, in features: FeatureWorkspace) -> Double {
        model.header.calibration.probability(margin: model.margin(of: reading, lane: 0, in: features))
    }

    /// Both models' probabilities of a reading against the table of both.
    private func probabilities(of reading: SentenceReading, in features: FeatureWorkspace) -> SIMD2<Double> {
        features.fillDense(from: reading.statistics)
        let hashed = reading.sums.margins(hostilityModel.header.features)
        return SIMD2(
            hostilityModel.header.calibration.probability(margin: hostilityModel.margin(hashed: hashed.first, dense: features.dense)),
            agentModel.header.calibration.probability(margin: agentModel.margin(hashed: hashed.second, dense: features.dense))
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

    /// Scores `text` whose mentions the pipeline has found already, with
    /// `MentionMatcher.mentions(in:)` over the same text.
    public func score(
        _ text: String, mentions: [Mention], prior: SourcePrior? = nil, workspace: ScoringWorkspace? = nil
    ) -> DocumentScore {
        score(text, sentences: splitter.sentences(in: text), mentions: mentions, prior: prior, workspace: workspace)
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
            let named = Set(mentions.filter { $0.personIndex == mention.personIndex }.map { $0.sentence })
            people.append((mention, attribute(named: named, sentences: sentences)))
        }
        // A passage of one sentence is that sentence's score; longer ones are summed.
        let passages = people.map { $0.attributed.count > 1 ? $0.attributed : [] }
        let read: Reading
        if let separate = workspace.agent {
            let hostility = self.read(sentences, passages: passages, features: workspace.hostility, extractor: hostilityModel.extractor) {
                SIMD2(probability(hostilityModel, of: $0, in: $1), 0)
            }
            let agent = self.read(sentences, passages: [], features: separate, extractor: agentModel.extractor) {
                SIMD2(0, probability(agentModel, of: $0, in: $1))
            }
            read = Reading(
                sentences: zip(hostility.sentences, agent.sentences).map { SIMD2($0.x, $1.y) },
                document: SIMD2(hostility.document.x, agent.document.y), passages: hostility.passages)
        } else {
            read = self.read(sentences, passages: passages, features: workspace.hostility, extractor: hostilityModel.extractor) {
                probabilities(of: $0, in: $1)
            }
        }
        let document = (hostility: read.document.x, agent: read.document.y)
        let sentenceHostility = read.sentences.map { $0.x }
        let sentenceAgent = read.sentences.map { $0.y }
        let agent = prior?.adjust(document.agent) ?? document.agent

        let context = people.isEmpty ? nil : StanceContext(text: text, sentences: sentences, sentenceHostility: sentenceHostility)
        var attacks: [PersonAttack] = []
        for (index, person) in people.enumerated() {
            let targeted = targetedHostility(
                attributed: person.attributed, scores: sentenceHostility, passage: read.passages[index])
            var features = context.map {
                stanceFeatures(
                    $0, attributed: person.attributed, targeted: targeted, document: document.hostility,
                    reading: stanceModel?.neutralReading ?? (0, 0), workspace: workspace)
            }
            var stance = features.flatMap { features in stanceModel.map { policy.kindPriors.apply(to: $0.probabilities(features)) } }
            // The encoder re-reads the person's sentences only where the signals
            // above leave the attack in doubt: it costs more than everything else.
            if let fast = stance, policy.readingBand?.contains(fast.attack) == true, var read = features,
               let stanceModel, let passage = stanceModel.passageReading, let encoder {
                read.reading = passage.logits(passageFeatures(attributed: person.attributed, sentences: sentences, encoder: encoder))
                features = read
                stance = policy.kindPriors.apply(to: stanceModel.probabilities(read))
            }
            let score: Double
            let kind: FindingKind
            if let stance {
                score = policy.lift(stance.attack, agent: agent)
                kind = stance.kind
            } else {
                score = policy.combine(targeted: targeted, document: document.hostility, agent: agent)
                kind = policy.severity(for: score) >= .medium ? .attack : .mention
            }
            attacks.append(PersonAttack(
                person: person.mention.person, personIndex: person.mention.personIndex, score: score,
                severity: policy.severity(for: score, kind: kind), kind: kind,
                targetedHostility: targeted, sentences: person.attributed,
                evidence: evidenceSentences(kind: kind, attributed: person.attributed, context: context, hostility: sentenceHostility),
                stance: stance, stanceFeatures: features))
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
                    kind: kind, start: sentence.start, end: sentence.end, score: scores[index],
                    text: EvidenceSentence.excerpt(sentence.text)))
            }
        }

        return DocumentScore(
            hostility: document.hostility, agent: agent, textAgent: document.agent, mentions: mentions,
            attacks: attacks, severity: attacks.map { $0.severity }.max() ?? .none,
            kind: DocumentScore.leadingKind(of: attacks), evidence: evidence,
            sentences: sentences, sentenceHostility: sentenceHostility, sentenceAgent: sentenceAgent)
    }

    /// What one reading of a text gives: (hostility, agent) per sentence and for the
    /// document, and the hostility of each passage asked for (nil for an empty one).
    private struct Reading {
        var sentences: [SIMD2<Double>]
        var document: SIMD2<Double>
        var passages: [Double?]
    }

    /// Reads each sentence once against the workspace's table, keeps its reading,
    /// scores it and adds it to the document's sum; then scores the document and the
    /// passages (given as ascending sentence indices) from sums of the readings.
    private func read(
        _ sentences: [Sentence],
        passages: [[Int]],
        features: FeatureWorkspace,
        extractor: FeatureExtractor,
        score: (SentenceReading, FeatureWorkspace) -> SIMD2<Double>
    ) -> Reading {
        features.beginText()
        var scores: [SIMD2<Double>] = []
        scores.reserveCapacity(sentences.count)
        // Only the readings a passage's sum takes are kept, within the sum's budget
        // (`FeatureWorkspace.addToSum`), so that a long text of short sentences keeps
        // no reading per sentence: `kept` maps a sentence to its reading in `readings`.
        let budget = extractor.configuration.maxScalars
        var next = [Int](repeating: 0, count: passages.count)
        var passageScalars = [Int](repeating: 0, count: passages.count)
        var kept: [Int: Int] = [:]
        features.table.withEmptySums { empty in
            for (index, sentence) in sentences.enumerated() {
                let reading = extractor.readSentence(sentence.text[...], into: features, summing: empty)
                var keep = false
                for passage in passages.indices where next[passage] < passages[passage].count && passages[passage][next[passage]] == index {
                    next[passage] += 1
                    guard passageScalars[passage] < budget else { continue }
                    passageScalars[passage] += reading.statistics.scalars
                    keep = true
                }
                if keep {
                    kept[index] = features.readings.count
                    features.readings.append(reading)
                }
                scores.append(score(reading, features))
                // With one sentence the sum is that sentence: no need to add it up.
                if sentences.count > 1 { features.addToSum(reading) }
            }
        }
        let document = sentences.count == 1 ? scores[0] : score(features.sum, features)
        var passageScores: [Double?] = []
        for passage in passages {
            guard !passage.isEmpty else {
                passageScores.append(nil)
                continue
            }
            features.clearSum()
            for index in passage {
                if let position = kept[index] { features.addToSum(features.readings[position]) }
            }
            passageScores.append(score(features.sum, features).x)
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
