import Testing
import VigilText

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    func texts(_ text: String) -> [String] { splitter.sentences(in: text).map(\.text) }

    @Test func splitsOnPeriodsQuestionAndExclamationMarks() {
        #expect(texts("The PR was closed. Why? Nobody knows!") == ["The PR was closed.", "Why?", "Nobody knows!"])
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(texts("Dr. Ada Lovelace wrote it, e.g. the notes. Then A. Lovelace left.")
            == ["Dr. Ada Lovelace wrote it, e.g. the notes.", "Then A. Lovelace left."])
        #expect(texts("Talk to Mr. Babbage. He knows.") == ["Talk to Mr. Babbage.", "He knows."])
    }

    @Test func decimalsAndURLsStayWhole() {
        #expect(texts("Version 3.14 shipped at https://example.org/a.b?x=1. It broke.")
            == ["Version 3.14 shipped at https://example.org/a.b?x=1.", "It broke."])
    }

    @Test func closingQuotesBelongToTheirSentence() {
        #expect(texts("He said \"Stop.\" Then he left.") == ["He said \"Stop.\"", "Then he left."])
        #expect(texts("\u{201C}Is it fair?\u{201D} she asked.") == ["\u{201C}Is it fair?\u{201D} she asked."])
    }

    @Test func cjkSentenceEndsNeedNoSpace() {
        #expect(texts("エイダ・ラブレスが書いた。本当ですか？はい！") == ["エイダ・ラブレスが書いた。", "本当ですか？", "はい！"])
    }

    @Test func blankLinesEndSentencesWithoutPunctuation() {
        #expect(texts("Gatekeeping in Open Source\n\nThe story begins here.\nIt goes on.")
            == ["Gatekeeping in Open Source", "The story begins here.", "It goes on."])
    }

    @Test func offsetsAreUnicodeScalarsOfTheOriginal() {
        let text = "  Café ☕️ opened. Ünïcode works!  "
        let sentences = splitter.sentences(in: text)
        let scalars = Array(text.unicodeScalars)
        #expect(sentences.count == 2)
        for sentence in sentences {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[sentence.start..<sentence.end])
            #expect(String(view) == sentence.text)
        }
        #expect(sentences[0].start == 2)
    }

    @Test func emptyAndWhitespaceTextHaveNoSentences() {
        #expect(splitter.sentences(in: "").isEmpty)
        #expect(splitter.sentences(in: " \n\n\t ").isEmpty)
    }

    @Test func sentenceLookupByOffset() {
        let sentences = splitter.sentences(in: "One. Two. Three.")
        #expect(sentences.index(containingScalarOffset: 0) == 0)
        #expect(sentences.index(containingScalarOffset: 6) == 1)
        #expect(sentences.index(containingScalarOffset: 15) == 2)
    }
}
