import Testing
@testable import VigilScoring

@Suite struct QuotedRegionsTests {
    /// The quoted text of `text` as strings, for readable expectations.
    func quoted(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return QuotedRegions(of: text).ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func curlyAndStraightQuotationMarks() {
        #expect(quoted("The post called him “insecure and petty” and moved on.") == ["“insecure and petty”"])
        #expect(quoted("It said \"he guards his fiefdom\" twice.") == ["\"he guards his fiefdom\""])
        #expect(quoted("« Il protège son fief », écrit-il.") == ["« Il protège son fief »"])
        #expect(quoted("彼は「門番だ」と書いた。") == ["「門番だ」"])
    }

    @Test func quotedLinesAndAnnouncedParagraphs() {
        let forum = "reply from kestrel:\n> He is protecting his fiefdom.\n> Shameful.\nThat is a smear."
        #expect(quoted(forum) == ["> He is protecting his fiefdom.\n> Shameful.\n"])
        let news = "The post reads:\nHe rejects anyone who might outshine him.\n\nThe maintainer declined to comment."
        #expect(quoted(news) == ["He rejects anyone who might outshine him."])
        // A colon without a reporting word announces nothing.
        #expect(quoted("Changes in this release:\nfaster startup.").isEmpty)
    }

    @Test func anUnclosedQuoteEndsWithItsParagraph() {
        let text = "She wrote \"this is gatekeeping\n\nNothing else is quoted here."
        #expect(quoted(text) == ["\"this is gatekeeping"])
    }

    @Test func apostrophesAreNotQuotes() {
        #expect(quoted("It’s the maintainer’s call, and it's a fair one.").isEmpty)
    }

    @Test func unquotedTextLeavesTheQuotedPartsOut() {
        let text = "Intro. The agent wrote that he is “a gatekeeper” on its blog."
        let regions = QuotedRegions(of: text)
        let start = text.unicodeScalars.count - "The agent wrote that he is “a gatekeeper” on its blog.".unicodeScalars.count
        #expect(regions.unquoted("The agent wrote that he is “a gatekeeper” on its blog.", start: start)
            == "The agent wrote that he is  on its blog.")
        #expect(regions.quotedCount(in: 0..<6) == 0)
    }
}

@Suite struct SentenceVoiceTests {
    func voice(_ sentence: String) -> SentenceVoice {
        SentenceVoice(sentence: sentence, start: 0, quotes: QuotedRegions(of: sentence))
    }

    @Test func reportedSpeechIsTheSpeakers() {
        #expect(voice("The post accused him of prejudice against newcomers.").isReported)
        #expect(voice("According to the blog, she is insecure.").isReported)
        #expect(voice("“He is a gatekeeper and a coward,” it said.").isReported)
        // The author's own accusation is not reported speech, even with a reporting verb.
        #expect(!voice("I called his decision what it is: prejudice.").isReported)
        #expect(!voice("He is protecting his fiefdom.").isReported)
    }

    @Test func campaignStepsAreFirstPersonOrPlanningNotes() {
        #expect(voice("I published the analysis of his review history on my blog this morning.").campaign)
        #expect(voice("Next step: cross-post the piece to three aggregators.").campaign)
        #expect(!voice("The project published its release notes.").campaign)
    }

    @Test func victimsAccountAndCondemnation() {
        #expect(voice("An AI agent wrote a post about me last week.").victim)
        #expect(voice("This smear by the agent is unacceptable.").condemnation)
        #expect(voice("This smear by the agent is unacceptable.").thirdParty)
    }
}
