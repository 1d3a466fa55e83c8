import Testing
@testable import VigilText

/// The matcher splits a text into sentences only as far as its last mention
/// needs. These tests compare the sentence indices it reports with those from
/// splitting the whole text first.
@Suite struct MentionSentenceTests {
    static let awkwardTexts = [
        "Intro. Ada Lovelace. then more text.",
        "Was it Ada Lovelace?! \"Yes.\" she said",
        "He thanked Ada Lovelace...\n\nNew paragraph about Lovelace's engine",
        "Dr. Ada Lovelace (\"Ada Lovelace\") wrote it.",
        "The note ends with Ada Lovelace",
        "The note ends with Ada Lovelace.",
        "A. Lovelace. b. c. Ada Lovelace.  \n  \n  next",
        "エイダ・ラブレスは言った。次の文。エイダ・ラブレス！」そして",
        "list: @adalovelace\n- item. analytical-engine! \u{201C}Quote.\u{201D} Then",
    ]

    func expectSameSentences(_ matcher: MentionMatcher, _ text: String) -> Int {
        let mentions = matcher.mentions(in: text)
        let whole = matcher.mentions(in: text, sentences: SentenceSplitter().sentences(in: text))
        #expect(mentions == whole, "\(text.prefix(200))")
        return mentions.count
    }

    @Test func indicesAgreeWithTheWholeTextOnAwkwardEndings() {
        let matcher = MentionMatcher(people: [
            WatchedPerson(name: "Ada Lovelace", aliases: ["エイダ・ラブレス"], handles: ["@adalovelace"], projects: ["analytical-engine"]),
        ])
        var found = 0
        for text in MentionSentenceTests.awkwardTexts { found += expectSameSentences(matcher, text) }
        #expect(found >= MentionSentenceTests.awkwardTexts.count)
    }

    @Test func indicesAgreeWithTheWholeTextOverTheDatasets() {
        guard let texts = IdleSkippingTests.datasetTexts(limit: 800) else {
            print("skipped: no shared datasets at \(IdleSkippingTests.datasetsDirectory.path)")
            return
        }
        let people = IdleSkippingTests.people(count: 300)
        let matcher = MentionMatcher(people: people)
        var found = 0
        for text in IdleSkippingTests.plant(people, in: texts) { found += expectSameSentences(matcher, text) }
        #expect(found > texts.count / 2)
    }
}
