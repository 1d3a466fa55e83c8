import Foundation
import VigilText

extension TextScorer {
    /// What the stance features need from a whole text, read once however many
    /// people it names: each sentence's voice and the document's shares.
    struct StanceContext {
        var voices: [SentenceVoice]
        var scalars: [Int]
        var quotedScalars: [Int]
        /// Document-level shares, in `StanceFeatures.names` order from
        /// `condemnation_share` to `first_person_share`, then campaign and victim shares.
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
        var documentQuoted: Double
        var reportedHostility: Double
        /// The document's own words: its sentences that are neither quoted nor
        /// reported, with quoted parts left out.
        var authorText: String

        init(text: String, sentences: [Sentence], sentenceHostility: [Double]) {
            let quotes = QuotedRegions(of: text)
            let voices = sentences.map { SentenceVoice(sentence: $0.text, start: $0.start, quotes: quotes) }
            self.voices = voices
            let scalars = sentences.map { $0.text.unicodeScalars.count }
            self.scalars = scalars
            let quotedScalars = sentences.map { quotes.quotedCount(in: $0.start..<($0.start + $0.text.unicodeScalars.count)) }
            self.quotedScalars = quotedScalars
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
            let total = scalars.reduce(0, +)
            documentQuoted = total == 0 ? 0 : Double(quotedScalars.reduce(0, +)) / Double(total)
            authorText = voices.filter { !$0.isReported }.map(\.unquoted).joined(separator: "\n\n")
            reportedHostility = voices.indices.filter { voices[$0].isReported }.map { sentenceHostility[$0] }.max() ?? 0
        }
    }

    /// The stance features of one person: `attributed` are the sentences about
    /// them, `targeted` the hostility of those sentences as the attack score reads
    /// it. The author's own hostility is read again from the attributed sentences
    /// that are neither quoted nor reported, with their quoted parts left out.
    func stanceFeatures(
        _ context: StanceContext, authorVoice: Double, attributed: [Int], targeted: Double, document: Double,
        workspace: ScoringWorkspace
    ) -> StanceFeatures {
        let own = attributed.filter { !context.voices[$0].isReported }
        let authorHostility: Double
        if own.isEmpty {
            authorHostility = 0
        } else {
            let passage = own.map { context.voices[$0].unquoted }.joined(separator: "\n\n")
            authorHostility = probabilities(of: passage[...], workspace: workspace).hostility
        }
        let count = Double(max(1, attributed.count))
        func share(_ test: (SentenceVoice) -> Bool) -> Double {
            Double(attributed.filter { test(context.voices[$0]) }.count) / count
        }
        let attributedScalars = attributed.reduce(0) { $0 + context.scalars[$1] }
        let attributedQuoted = attributed.reduce(0) { $0 + context.quotedScalars[$1] }
        let sentences = context.voices.count
        return StanceFeatures(values: [
            StanceFeatures.logit(authorVoice),
            StanceFeatures.logit(authorHostility),
            StanceFeatures.logit(targeted),
            StanceFeatures.logit(document),
            StanceFeatures.logit(context.reportedHostility),
            attributedScalars == 0 ? 0 : Double(attributedQuoted) / Double(attributedScalars),
            share(\.isReported),
            context.documentQuoted,
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
            Double(attributed.count) / Double(max(1, sentences)),
            log(1 + Double(sentences)),
        ])
    }

    /// The stance text model's probability that the document's own words attack
    /// someone; 0.5 (no evidence either way) without the model or such words.
    func authorVoiceAttack(_ context: StanceContext, workspace: ScoringWorkspace) -> Double {
        guard let model = stanceTextModel, let features = workspace.stance, !context.authorText.isEmpty else { return 0.5 }
        return model.probability(of: context.authorText[...], workspace: features)
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

extension TextScorer {
    /// The words of `text` its author speaks in their own voice: what the stance
    /// text model reads, and what `vigil train --task stance` trains it on.
    public func authorVoice(of text: String) -> String {
        let sentences = SentenceSplitter().sentences(in: text)
        return StanceContext(text: text, sentences: sentences, sentenceHostility: sentences.map { _ in 0 }).authorText
    }
}
