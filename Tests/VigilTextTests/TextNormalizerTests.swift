import Testing
import VigilText

@Suite struct TextNormalizerTests {
    func normalize(_ text: String) -> String { TextNormalizer.normalize(text) }

    @Test func compatibilityFormsCaseAndDiacritics() {
        #expect(normalize("ＡＤＡ Lövelâce") == "ada lovelace")
        #expect(normalize("\u{FB01}le Straße") == "file strasse")
        #expect(normalize("e\u{0301}cole") == normalize("école"))
        #expect(normalize("Łukasz Søren Ærø") == "lukasz soren aero")
        #expect(normalize("İstanbul ıi") == "istanbul ii")
    }

    @Test func quotesHyphensAndSeparators() {
        #expect(normalize("O\u{2019}Brien \u{201C}x\u{201D}") == "o'brien \"x\"")
        #expect(normalize("a\u{2013}b\u{2014}c\u{2212}d") == "a-b-c-d")
        #expect(normalize("  Ada \t\n\u{00A0} Lovelace  ") == "ada lovelace")
        #expect(normalize("<p>Ada</p>&nbsp;<b>Lovelace</b>") == "ada lovelace")
        #expect(normalize("a < b > c") == "a < b > c")
    }

    @Test func katakanaMiddleDotsAndCJKGaps() {
        let expected = "エイダラブレス"
        for spelling in ["エイダ・ラブレス", "エイダ･ラブレス", "エイダ ラブレス", "エイダ\u{3000}ラブレス", "エイダラブレス"] {
            #expect(normalize(spelling) == expected)
        }
        #expect(normalize("ｴｲﾀﾞ") == normalize("エイダ"))
    }

    @Test func invisibleCharactersAndHomoglyphs() {
        #expect(normalize("Lo\u{200B}ve\u{200C}la\u{200D}ce\u{FEFF}\u{00AD}") == "lovelace")
        #expect(normalize("\u{0410}\u{0434}\u{0430}") == normalize("\u{0430}\u{0434}\u{0430}"))
        #expect(normalize("P\u{0430}yP\u{0430}l") == "paypal")
        #expect(normalize("\u{0391}\u{039D}\u{039D}") == "ann")
        #expect(normalize("\u{1D400}\u{1D41D}\u{1D41A}") == "ada")
    }

    @Test func emojiAndOtherScriptsPassThrough() {
        #expect(normalize("ok 😀 中文") == "ok 😀 中文")
    }
}
