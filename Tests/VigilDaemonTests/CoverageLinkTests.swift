import Foundation
import Testing
import VigilStore
@testable import VigilDaemon

/// Which attack a piece of coverage reports on: a link to the attack's post,
/// or a quote of at least eight consecutive words of one of its sentences.
@Suite struct CoverageLinkTests {
    static let base = Date(timeIntervalSince1970: 1_795_000_000)

    static let attackText = """
        Gatekeeping in Open Source: The Julian Marsh Story

        I opened a pull request to ferrule and it was closed within the hour. Julian Marsh is protecting his \
        fiefdom, not his code. He treats every outside contribution as a threat to his control.
        """

    static func attack(
        id: Int64 = 1, url: String? = "https://patchwright.example.net/posts/julian-marsh-story", text: String? = attackText,
        evidence: [Evidence] = [Evidence(kind: .hostile, start: 0, end: 10, score: 0.9, text: "Julian Marsh is protecting his fiefdom, not his code.")],
        hours: Double = 0
    ) -> LinkableFinding {
        LinkableFinding(
            id: id, personID: 1, kind: .attack, createdAt: base.addingTimeInterval(hours * 3600), itemURL: url, itemText: text,
            evidence: evidence)
    }

    @Test func aLinkToTheAttackMatchesWhateverItsScheme() {
        for text in [
            "The post (https://patchwright.example.net/posts/julian-marsh-story) went viral.",
            "See http://patchwright.example.net/posts/julian-marsh-story/ for the original.",
            "Read it at www.patchwright.example.net/posts/julian-marsh-story.",
            "Archived: <https://PATCHWRIGHT.example.net/posts/julian-marsh-story#comments>",
        ] {
            #expect(CoverageLink.reference(from: text, to: Self.attack()) == .link, "\(text)")
        }
    }

    @Test func aLongerURLOrAnotherHostIsNotTheLink() {
        for text in [
            "See https://patchwright.example.net/posts/julian-marsh-story-part-2 for more.",
            "See https://patchwright.example.net/posts/julian-marsh-story/comments for more.",
            "See https://notpatchwright.example.net/posts/julian-marsh-story for more.",
            "See https://patchwright.example.net/posts/julian-marsh-story.html for more.",
        ] {
            #expect(CoverageLink.reference(from: text, to: Self.attack()) == nil, "\(text)")
        }
        // A front page is linked from anything about the site: no link by it.
        #expect(CoverageLink.linkKey("https://patchwright.example.net/") == nil)
        #expect(CoverageLink.reference(from: "see patchwright.example.net today", to: Self.attack(url: "https://patchwright.example.net/")) == nil)
    }

    @Test func eightConsecutiveWordsOfAnAttackSentenceAreAQuote() {
        // Curly quotes and apostrophes, another case and punctuation between the words still match.
        let quoted = "The agent’s post says Marsh “treats every outside contribution as a threat to his control”, which is false."
        #expect(CoverageLink.reference(from: quoted, to: Self.attack()) == .quote(words: 10))
        let recased = "Critics say JULIAN MARSH is protecting his fiefdom... not his code?"
        #expect(CoverageLink.reference(from: recased, to: Self.attack()) == .quote(words: 9))
        // The evidence sentence alone, when the item's text is no longer stored.
        let fromEvidence = "It said “Julian Marsh is protecting his fiefdom — not his code”."
        #expect(CoverageLink.reference(from: fromEvidence, to: Self.attack(text: nil)) == .quote(words: 9))
    }

    @Test func aShortQuoteIsNotEnough() {
        // Seven consecutive words of the attack ("julian marsh is protecting his fiefdom not"), then it differs.
        let seven = "Julian Marsh is protecting his fiefdom, not ours."
        #expect(CoverageLink.reference(from: seven, to: Self.attack()) == nil)
        #expect(CoverageLink.reference(from: "the maintainer of the project closed it", to: Self.attack()) == nil)
        // Words spread over the text do not make a run.
        let scattered = "Julian Marsh, they say, is protecting his code; his fiefdom is not the point."
        #expect(CoverageLink.reference(from: scattered, to: Self.attack()) == nil)
    }

    @Test func theLinkIsPreferredThenTheLongestQuoteThenTheNewest() {
        let quotedOnly = Self.attack(id: 1, url: "https://a.example/one")
        let linked = Self.attack(id: 2, url: "https://b.example/two", text: "Something else entirely was written here.", evidence: [])
        let coverage = "Julian Marsh is protecting his fiefdom, not his code, says https://b.example/two."
        #expect(CoverageLink.best(coverageText: coverage, among: [quotedOnly, linked]) == CoverageLink(attackID: 2, reason: .link))

        let short = Self.attack(id: 3, url: nil, text: "He said Julian Marsh is protecting his fiefdom, not his code.")
        let long = Self.attack(id: 4, url: nil, text: "Julian Marsh is protecting his fiefdom, not his code, and everyone knows it.")
        let quoting = "They wrote: Julian Marsh is protecting his fiefdom, not his code, and everyone knows it."
        #expect(CoverageLink.best(coverageText: quoting, among: [short, long]) == CoverageLink(attackID: 4, reason: .quote(words: 13)))

        let older = Self.attack(id: 5, url: nil, hours: 0)
        let newer = Self.attack(id: 6, url: nil, hours: 5)
        let repeated = "Again: Julian Marsh is protecting his fiefdom, not his code."
        #expect(CoverageLink.best(coverageText: repeated, among: [older, newer])?.attackID == 6)
        #expect(CoverageLink.best(coverageText: "Nothing to do with it.", among: [older, newer]) == nil)
    }
}
