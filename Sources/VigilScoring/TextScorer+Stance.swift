import Foundation
import VigilAssessment
import VigilText

extension TextScorer {
    /// What the stance features need from a whole text, read once however many
    /// people it names: each sentence's voice and the document's shares.
    struct StanceContext {
        var voices: [SentenceVoice]
        /// Shares of the document's sentences that carry each signal.
        var condemnation: Double
        var defense: Double
        var controversy: Double
        var news: Double
        var thirdParty: Double
        var firstPerson: Double
        var campaign: Double
        var victim: Double
        var accusation: Double
        var insult: Double
        /// The most hostile sentence that is someone else's words.
        var reportedHostility: Double

        init(text: String, sentences: [Sentence], sentenceHostility: [Double]) {
            let quotes = QuotedRegions(of: text)
            let voices = sentences.map { SentenceVoice(sentence: $0.text, start: $0.start, quotes: quotes) }
            self.voices = voices
            let n = Double(max(1, sentences.count))
            func share(_ test: (SentenceVoice) -> Bool) -> Double { Double(voices.filter(test).count) / n }
            condemnation = share { $0.condemnation && ($0.thirdParty || $0.controversy) }
            defense = share { $0.defense && !$0.isReported }
            controversy = share(\.controversy)
            news = share(\.news)
            thirdParty = share(\.thirdParty)
            firstPerson = share(\.firstPerson)
            campaign = share(\.campaign)
            victim = share(\.victim)
            accusation = share { $0.accusation && !$0.isReported }
            insult = share { $0.insult && !$0.isReported }
            reportedHostility = voices.indices.filter { voices[$0].isReported }.map { sentenceHostility[$0] }.max() ?? 0
        }
    }

    /// The stance features of one person: `attributed` are the sentences about
    /// them, `targeted` the hostility of those sentences as the attack score reads
    /// it. The author's own hostility is read again from the attributed sentences
    /// that are neither quoted nor reported, with their quoted parts left out.
    func stanceFeatures(
        _ context: StanceContext, attributed: [Int], targeted: Double, document: Double,
        reading: (attack: Double, coverage: Double), workspace: ScoringWorkspace
    ) -> StanceFeatures {
        let own = attributed.filter { !context.voices[$0].isReported }
        let authorHostility: Double
        if own.isEmpty {
            authorHostility = 0
        } else {
            let passage = own.map { context.voices[$0].unquoted }.joined(separator: "\n\n")
            authorHostility = probabilities(of: passage[...], workspace: workspace).hostility
        }
        // Shares of the person's sentences are shrunk toward none by two sentences'
        // worth, so that one sentence about them is not read as "all of them".
        let count = Double(attributed.count + 2)
        func share(_ test: (SentenceVoice) -> Bool) -> Double {
            Double(attributed.filter { test(context.voices[$0]) }.count) / count
        }
        return StanceFeatures(values: [
            StanceFeatures.logit(authorHostility),
            StanceFeatures.logit(targeted),
            StanceFeatures.logit(document),
            StanceFeatures.logit(context.reportedHostility),
            context.condemnation,
            context.defense,
            context.controversy,
            context.news,
            context.thirdParty,
            context.firstPerson,
            context.campaign,
            share(\.campaign),
            share(\.reputation),
            context.victim,
            share { $0.question && !$0.isReported },
            share { $0.accusation && !$0.isReported },
            share { $0.insult && !$0.isReported },
            context.accusation,
            context.insult,
            reading.attack,
            reading.coverage,
        ])
    }

    /// The sentence encoder's features of a person's sentences (the first
    /// `PassageReading.sentenceLimit` of them), for the stance model's reading.
    func passageFeatures(attributed: [Int], sentences: [Sentence], encoder: SentenceEncoder) -> [Float] {
        PassageReading.features(
            of: attributed.prefix(PassageReading.sentenceLimit).map { sentences[$0].text[...] }, encoder: encoder)
    }

    /// The sentences that show what a finding is: for an attack, the author's own
    /// hostile sentences about the person, then the steps of a campaign against
    /// them; otherwise the most hostile sentences about the person, quoted or not.
    func evidenceSentences(
        kind: FindingKind, attributed: [Int], context: StanceContext?, hostility: [Double]
    ) -> [Int] {
        let minimum = policy.hostileEvidenceMinimum
        let limit = policy.evidencePerKind
        guard kind == .attack, let context else {
            return Array(attributed.filter { hostility[$0] >= minimum }.sorted { hostility[$0] > hostility[$1] }.prefix(limit))
        }
        let own = attributed.filter { !context.voices[$0].isReported }
        var chosen = own.filter { hostility[$0] >= minimum }.sorted { hostility[$0] > hostility[$1] }
        // A campaign log's steps often name nobody: the plan is the evidence.
        for index in own + Array(context.voices.indices) where context.voices[index].campaign && !chosen.contains(index) {
            chosen.append(index)
        }
        return Array(chosen.prefix(limit))
    }
}
