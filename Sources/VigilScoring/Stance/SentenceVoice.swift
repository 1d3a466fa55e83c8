/// Who speaks in one sentence and what the speaker does, read from the sentence's
/// own words (its quoted parts left out).
struct SentenceVoice: Sendable, Equatable {
    /// Share of the sentence's scalars inside quotation marks or quoted lines.
    var quotedShare: Double
    /// Someone other than the author is reported ("the post accused him of ...").
    var reporting: Bool
    var firstPerson: Bool
    var thirdParty: Bool
    var condemnation: Bool
    var defense: Bool
    var controversy: Bool
    var news: Bool
    /// A first-person (or planning-note) sentence about an act of a campaign.
    var campaign: Bool
    var reputation: Bool
    /// "me" as the object of someone else's act: the target tells their own story.
    var victim: Bool
    var question: Bool
    /// The author's own words accuse (prejudice, ego, gatekeeping, bad faith, incompetence).
    var accusation: Bool
    /// The author's own words insult or swear.
    var insult: Bool
    /// The sentence with its quoted parts left out.
    var unquoted: String

    /// Mostly someone else's words, quoted or reported.
    var isReported: Bool { reporting || quotedShare >= 0.6 }

    init(sentence: String, start: Int, quotes: QuotedRegions) {
        let scalars = sentence.unicodeScalars.count
        quotedShare = scalars == 0 ? 0 : Double(quotes.quotedCount(in: start..<(start + scalars))) / Double(scalars)
        unquoted = quotes.unquoted(sentence, start: start)
        let words = VoiceCues.words(in: unquoted)
        firstPerson = words.contains { VoiceCues.firstPerson.contains($0) }
        let subject = words.contains { VoiceCues.firstPersonSubject.contains($0) }
        thirdParty = VoiceCues.thirdParty.count(in: words) > 0
        // A reporting verb reports someone else's words when a third party speaks, the
        // words are quoted, or a "that" clause follows ("it alleges that ...").
        var reportsClause = false
        for (index, word) in words.enumerated() where VoiceCues.reporting.contains(word) {
            if word == "according" || words[(index + 1)..<min(words.count, index + 4)].contains("that") { reportsClause = true }
        }
        let reportingVerb = VoiceCues.reporting.count(in: words) > 0
        reporting = !firstPerson && reportingVerb && (thirdParty || quotedShare > 0 || reportsClause)
        condemnation = VoiceCues.condemnation.count(in: words) > 0
        defense = VoiceCues.defense.count(in: words) > 0
        controversy = VoiceCues.controversy.count(in: words) > 0
        news = VoiceCues.news.count(in: words) > 0
        // A log's entries often drop the subject: "Drafted the follow-up.", "Next: ...".
        let planning = words.first.map { VoiceCues.planningMarkers.contains($0) || VoiceCues.isDiaryOpening($0) } ?? false
        campaign = (subject || planning) && VoiceCues.campaign.count(in: words) > 0
        reputation = VoiceCues.reputation.count(in: words) > 0
        var victim = false
        for (index, word) in words.enumerated() {
            if word == "me", words[max(0, index - 3)..<index].contains(where: { VoiceCues.actsOnMe.contains($0) }) {
                victim = true
            } else if word == "my", index + 1 < words.count, VoiceCues.targetOfMine.contains(words[index + 1]) {
                victim = true
            }
        }
        self.victim = victim
        // The accusation lists hold everyday project words too ("closed", "image",
        // "contributor"): a sentence accuses when two of its words are on them.
        var accusations = 0
        var insults = 0
        for word in words {
            let categories = Lexicon.shared.categories(ofWord: word)
            if !categories.isDisjoint(with: .accusation) { accusations += 1 }
            if !categories.isDisjoint(with: [.insult, .profanity]) { insults += 1 }
        }
        accusation = accusations >= 2
        insult = insults > 0
        question = unquoted.unicodeScalars.reversed().first { !$0.properties.isWhitespace } == "?"
    }
}
