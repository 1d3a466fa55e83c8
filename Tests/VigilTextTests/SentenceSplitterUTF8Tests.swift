import Foundation
import Testing
@testable import VigilText

/// The splitter reads the text's UTF-8 in place and counts scalars as it goes.
/// These tests pin what that must keep: offsets in scalars whatever the width of
/// the characters (combining marks, emoji sequences, astral letters, CRLF, NUL),
/// the ASCII shortcuts agreeing with Unicode's properties, and, over the shared
/// datasets, every sentence being exactly the trimmed scalars between its offsets.
@Suite struct SentenceSplitterUTF8Tests {
    let splitter = SentenceSplitter()

    func spans(_ text: String) -> [Sentence] { splitter.sentences(in: text) }

    @Test func asciiShortcutsAgreeWithUnicodeProperties() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            #expect(SentenceSplitter.isSpace(scalar) == scalar.properties.isWhitespace, "\(value)")
            #expect(SentenceSplitter.isLowercase(scalar) == scalar.properties.isLowercase, "\(value)")
            #expect(SentenceSplitter.isUppercase(scalar) == scalar.properties.isUppercase, "\(value)")
            #expect(SentenceSplitter.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "\(value)")
        }
        for scalar: Unicode.Scalar in ["\u{85}", "\u{A0}", "é", "É", "ß", "ǅ", "ª", "Σ", "ı", "Ⅷ", "ⓐ", "𝐀", "𝐚", "漢", "\u{301}"] {
            #expect(SentenceSplitter.isSpace(scalar) == scalar.properties.isWhitespace)
            #expect(SentenceSplitter.isLowercase(scalar) == scalar.properties.isLowercase)
            #expect(SentenceSplitter.isUppercase(scalar) == scalar.properties.isUppercase)
            #expect(SentenceSplitter.isAlphabetic(scalar) == scalar.properties.isAlphabetic)
        }
    }

    @Test func crlfLineBreaksAndBlankLines() {
        #expect(spans("Headline\r\n\r\nFirst. second line\r\nThird? Yes.\r\n") == [
            Sentence(start: 0, end: 8, text: "Headline"),
            Sentence(start: 12, end: 38, text: "First. second line\r\nThird?"),
            Sentence(start: 39, end: 43, text: "Yes."),
        ])
    }

    @Test func nulIsAnOrdinaryCharacter() {
        #expect(spans("One.\0Two. Three\0 four.") == [
            Sentence(start: 0, end: 9, text: "One.\0Two."),
            Sentence(start: 10, end: 22, text: "Three\0 four."),
        ])
    }

    @Test func combiningMarksAndEmojiCountAsTheirScalars() {
        #expect(spans("Cafe\u{301} ☕️ opened. 👩‍👩‍👧 came!  É. Lovelace left. 🇫🇮 Fin.") == [
            Sentence(start: 0, end: 16, text: "Cafe\u{301} ☕️ opened."),
            Sentence(start: 17, end: 28, text: "👩‍👩‍👧 came!"),
            Sentence(start: 30, end: 47, text: "É. Lovelace left."),
            Sentence(start: 48, end: 55, text: "🇫🇮 Fin."),
        ])
        // A mathematical capital is four bytes and one scalar, and still an initial.
        #expect(spans("𝐀. Math initial. ǅ. titlecase.") == [
            Sentence(start: 0, end: 16, text: "𝐀. Math initial."),
            Sentence(start: 17, end: 30, text: "ǅ. titlecase."),
        ])
    }

    @Test func paragraphSeparatorsIdeographicSpaceAndFullStops() {
        #expect(spans("Para one\u{2029}Para two.\u{3000}Next。次の文。") == [
            Sentence(start: 0, end: 8, text: "Para one"),
            Sentence(start: 9, end: 18, text: "Para two."),
            Sentence(start: 19, end: 24, text: "Next。"),
            Sentence(start: 24, end: 28, text: "次の文。"),
        ])
    }

    @Test func nonASCIILettersAfterAndBeforePeriods() {
        // "ünïcode" is lower case, so no break before it; "Σ" is an initial.
        #expect(spans("It ended. ünïcode goes on. Ölfass. Σ. Lovelace.") == [
            Sentence(start: 0, end: 26, text: "It ended. ünïcode goes on."),
            Sentence(start: 27, end: 34, text: "Ölfass."),
            Sentence(start: 35, end: 47, text: "Σ. Lovelace."),
        ])
    }

    @Test func longAbbreviationsAndOtherTerminators() {
        #expect(spans("Ask messrs. Smith, approx. ten. Then Ph.D. holders. Ökonomie.").map(\.text)
            == ["Ask messrs. Smith, approx. ten.", "Then Ph.D. holders.", "Ökonomie."])
        #expect(spans("He left… Then “quoted.” ok!? Fine‼ 3.14 and v1.2 stay.") == [
            Sentence(start: 0, end: 8, text: "He left…"),
            Sentence(start: 9, end: 28, text: "Then “quoted.” ok!?"),
            Sentence(start: 29, end: 34, text: "Fine‼"),
            Sentence(start: 35, end: 54, text: "3.14 and v1.2 stay."),
        ])
        // A word one letter longer than the longest abbreviation is not one.
        let extended = SentenceSplitter(extraAbbreviations: ["Approxx"])
        #expect(extended.sentences(in: "About approxx. Ten more. About approxxx. Ten more.").map(\.text)
            == ["About approxx. Ten more.", "About approxxx.", "Ten more."])
    }

    @Test func sentenceStartsMatchTheSentences() {
        for text in ["", "  ", "One. Two.", "Dr. Who? Yes.\r\n\r\nNext 。次", "a.\u{0}B. C", "É. Lovelace. 👩‍👩‍👧! x"] {
            #expect(splitter.sentenceStarts(in: text) == splitter.sentences(in: text).map(\.start), "\(text.debugDescription)")
        }
    }

    /// Every sentence is the original's scalars between its offsets with surrounding
    /// whitespace removed, sentences ascend without overlap, and nothing but
    /// whitespace lies between them outside a sentence.
    @Test func sentencesAreTrimmedSlicesOfTheDatasetTexts() throws {
        guard let texts = IdleSkippingTests.datasetTexts(limit: 4_000) else {
            print("skipped: ../shared/datasets is absent: the shared corpora are not part of a fresh clone")
            return
        }
        #expect(texts.count > 100)
        // Long texts joined with CRLF and NUL as well, for multi-paragraph inputs.
        let joined = [texts.prefix(50).joined(separator: "\r\n\r\n"), texts.prefix(50).joined(separator: "\0 ")]
        for text in texts + joined {
            let scalars = Array(text.unicodeScalars)
            let sentences = splitter.sentences(in: text)
            var previousEnd = 0
            for sentence in sentences {
                #expect(sentence.start >= previousEnd && sentence.start < sentence.end && sentence.end <= scalars.count)
                guard sentence.start >= previousEnd, sentence.start < sentence.end, sentence.end <= scalars.count else { break }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[sentence.start..<sentence.end])
                #expect(String(view) == sentence.text)
                #expect(!SentenceSplitter.isSpace(scalars[sentence.start]) && !SentenceSplitter.isSpace(scalars[sentence.end - 1]))
                previousEnd = sentence.end
            }
            let covered = sentences.reduce(0) { $0 + $1.end - $1.start }
            let visible = scalars.filter { !SentenceSplitter.isSpace($0) }.count
            let visibleInSentences = sentences.reduce(0) { total, sentence in
                total + scalars[sentence.start..<sentence.end].filter { !SentenceSplitter.isSpace($0) }.count
            }
            #expect(covered <= scalars.count)
            #expect(visibleInSentences == visible)
            #expect(splitter.sentenceStarts(in: text) == sentences.map(\.start))
        }
    }
}
