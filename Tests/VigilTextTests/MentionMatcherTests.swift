import Testing
import VigilText

@Suite struct MentionMatcherTests {
    static let ada = WatchedPerson(
        name: "Ada Lovelace",
        aliases: ["エイダ・ラブレス", "Ада Лавлейс"],
        handles: ["@adalovelace"],
        projects: ["analytical-engine"]
    )
    let matcher = MentionMatcher(people: [MentionMatcherTests.ada])

    func matched(_ text: String, _ matcher: MentionMatcher? = nil) -> [String] {
        (matcher ?? self.matcher).mentions(in: text).map(\.matched)
    }

    /// The scalars of `text` between a mention's offsets, to check offsets against the original.
    func slice(_ text: String, _ mention: Mention) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[mention.start..<mention.end])
        return String(view)
    }

    @Test func findsTheFullNameWithScalarOffsetsAndSentence() {
        let text = "Café ☕️ news. Yesterday Ada Lovelace closed the PR."
        let mentions = matcher.mentions(in: text)
        #expect(mentions.count == 1)
        let mention = mentions[0]
        #expect(mention.person == "Ada Lovelace")
        #expect(mention.matched == "Ada Lovelace")
        #expect(mention.kind == .name)
        #expect(mention.start == 24)
        #expect(mention.end == 36)
        #expect(mention.sentence == 1)
        #expect(slice(text, mention) == mention.matched)
    }

    @Test func foldsCaseDiacriticsWidthQuotesAndHyphens() {
        #expect(matched("ADA LOVELACE said so") == ["ADA LOVELACE"])
        #expect(matched("Ádá Lövelâce said so") == ["Ádá Lövelâce"])
        #expect(matched("Ａｄａ　Ｌｏｖｅｌａｃｅ said so") == ["Ａｄａ　Ｌｏｖｅｌａｃｅ"])
        #expect(matched("the Analytical\u{2011}Engine team") == ["Analytical\u{2011}Engine"])
        #expect(matched("the analytical engine team") == ["analytical engine"])
        let obrien = MentionMatcher(people: [WatchedPerson(name: "Conan O'Brien")])
        #expect(matched("Conan O\u{2019}Brien spoke", obrien) == ["Conan O\u{2019}Brien"])
    }

    @Test func decomposedAccentsMatchComposedOnes() {
        let matcher = MentionMatcher(people: [WatchedPerson(name: "Scott Shámbaugh")])
        #expect(matched("Scott Shambaugh wrote", matcher) == ["Scott Shambaugh"])
        #expect(matched("Scott Sha\u{0301}mbaugh wrote", matcher) == ["Scott Sha\u{0301}mbaugh"])
    }

    @Test func wordBoundariesKeepShortNamesOutOfLongerWords() {
        let ann = MentionMatcher(people: [WatchedPerson(name: "Ann", surnamePolicy: .never)])
        #expect(matched("The Annual report by Ann.", ann) == ["Ann"])
        #expect(matched("Annual planning, banner, Joanna", ann).isEmpty)
    }

    @Test func possessivesAndPluralsStillMatch() {
        #expect(matched("Ada Lovelace's notes") == ["Ada Lovelace"])
        #expect(matched("Ada Lovelace\u{2019}s notes") == ["Ada Lovelace"])
        let always = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace", surnamePolicy: .always)])
        #expect(matched("the Lovelaces' house", always) == ["Lovelace"])
        #expect(matched("the Lovelaces came", always) == ["Lovelace"])
        #expect(matched("Lovelacean ideas", always).isEmpty)
    }

    @Test func namesSplitAcrossLineBreaksAndTags() {
        #expect(matched("wrote Ada\nLovelace, and") == ["Ada\nLovelace"])
        #expect(matched("wrote Ada \r\n   Lovelace") == ["Ada \r\n   Lovelace"])
        #expect(matched("wrote <b>Ada</b> <i>Lovelace</i> today") == ["Ada</b> <i>Lovelace"])
        #expect(matched("wrote Ada&nbsp;Lovelace today") == ["Ada&nbsp;Lovelace"])
    }

    @Test func initials() {
        #expect(matched("as A. Lovelace wrote") == ["A. Lovelace"])
        #expect(matched("as A.Lovelace wrote") == ["A.Lovelace"])
        let two = MentionMatcher(people: [WatchedPerson(name: "Augusta Ada King", surnamePolicy: .never)])
        #expect(matched("A. A. King spoke; so did A.A. King", two) == ["A. A. King", "A.A. King"])
        // In "Ada. Lovelace" the "a" before the period is inside a word: no initials, only the
        // surname, supported by the given name.
        #expect(matcher.mentions(in: "I read Ada. Lovelace was").map(\.kind) == [.surname])
    }

    @Test func bareSurnameNeedsContextByDefault() {
        #expect(matched("Lovelace is a fine word for a ship.").isEmpty)
        #expect(matched("Ada wrote it. Later Lovelace said no.") == ["Lovelace"])
        #expect(matched("The analytical-engine repo. Lovelace said no.") == ["analytical-engine", "Lovelace"])
        let terms = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace", contextTerms: ["Babbage"])])
        #expect(matched("Babbage and Lovelace argued.", terms) == ["Lovelace"])
        let never = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace", surnamePolicy: .never)])
        #expect(matched("Ada wrote it. Later Lovelace said no.", never).isEmpty)
        let always = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace", surnamePolicy: .always)])
        #expect(matched("Lovelace said no.", always) == ["Lovelace"])
    }

    @Test func aNameInsideAURLOrEmailIsNotAMention() {
        #expect(matched("see https://blog.example.org/ada-lovelace-is-wrong for more").isEmpty)
        #expect(matched("see blog.example.org/ada-lovelace/ for more").isEmpty)
        #expect(matched("write to ada.lovelace@example.org or ada-lovelace@example.org").isEmpty)
        let always = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace", surnamePolicy: .always)])
        #expect(matched("mail lovelace@example.org today", always).isEmpty)
    }

    @Test func aHandleCountsInsideAURLAndWithItsAt() {
        #expect(matched("code at https://github.com/adalovelace/engine.") == ["adalovelace"])
        #expect(matched("thanks @AdaLovelace!") == ["AdaLovelace"])
        #expect(matched("mail adalovelace@example.org") == ["adalovelace"])
        let short = MentionMatcher(people: [WatchedPerson(name: "Bob Example", handles: ["bob"], surnamePolicy: .never)])
        #expect(matched("ping @bob about it", short) == ["bob"])
        #expect(matched("bob the builder", short).isEmpty)
    }

    @Test func nothingInsideCode() {
        let ann = MentionMatcher(people: [WatchedPerson(name: "Ann")])
        #expect(matched("Run `ann --fix` then\n```\nann = Ann()\n```\nAnn agreed.", ann) == ["Ann"])
        #expect(matched("<pre>Ada Lovelace</pre> <code>Ada Lovelace</code> Ada Lovelace") == ["Ada Lovelace"])
        let text = "~~~python\nprint('Ada Lovelace')\n~~~\n"
        #expect(matched(text).isEmpty)
    }

    @Test func japaneseArticleNamingThePersonOnlyInKatakana() {
        let text = "先週、エイダ・ラブレス氏のプルリクエストが却下された。ラブレス氏は沈黙している。"
        let mentions = matcher.mentions(in: text)
        #expect(mentions.map(\.matched) == ["エイダ・ラブレス", "ラブレス"])
        #expect(mentions.map(\.kind) == [.alias, .surname])
        #expect(mentions.map(\.sentence) == [0, 1])
        for mention in mentions { #expect(slice(text, mention) == mention.matched) }
        #expect(matched("エイダ･ラブレスが") == ["エイダ･ラブレス"])
        #expect(matched("ｴｲﾀﾞ･ﾗﾌﾞﾚｽが") == ["ｴｲﾀﾞ･ﾗﾌﾞﾚｽ"])
        #expect(matched("エイダ ラブレスが") == ["エイダ ラブレス"])
        #expect(matched("エイダラブレスが") == ["エイダラブレス"])
    }

    @Test func kanaVoicingMarksAreNotDiacritics() {
        let matcher = MentionMatcher(people: [WatchedPerson(name: "カタ")])
        #expect(matched("カタが", matcher) == ["カタ"])
        #expect(matched("ガタが", matcher).isEmpty)
        #expect(matched("カダが", matcher).isEmpty)
    }

    @Test func mixedScriptAliases() {
        #expect(matched("Пишет Ада Лавлейс сегодня") == ["Ада Лавлейс"])
        let mixed = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace", aliases: ["Ada ラブレス"])])
        #expect(matched("今日 Ada ラブレスが", mixed) == ["Ada ラブレス"])
    }

    @Test func namesHiddenWithZeroWidthCharactersOrHomoglyphs() {
        #expect(matched("Ada Love\u{200D}lace is") == ["Ada Love\u{200D}lace"])
        #expect(matched("A\u{200B}da Lo\u{FEFF}velace is") == ["A\u{200B}da Lo\u{FEFF}velace"])
        // Cyrillic а, е, о and Greek Α in place of Latin letters.
        #expect(matched("\u{0410}d\u{0430} L\u{043E}v\u{0435}lace is") == ["\u{0410}d\u{0430} L\u{043E}v\u{0435}lace"])
        #expect(matched("\u{0391}da Lovelace is") == ["\u{0391}da Lovelace"])
        // Mathematical bold letters.
        #expect(matched("\u{1D400}\u{1D41D}\u{1D41A} Lovelace is") == ["\u{1D400}\u{1D41D}\u{1D41A} Lovelace"])
    }

    @Test func overlappingNamesReportTheLongest() {
        let people = [
            WatchedPerson(name: "Ada Lovelace", surnamePolicy: .always),
            WatchedPerson(name: "Byron Lovelace", surnamePolicy: .always),
        ]
        let matcher = MentionMatcher(people: people)
        let mentions = matcher.mentions(in: "Ada Lovelace met Lovelace.")
        #expect(mentions.map(\.person) == ["Ada Lovelace", "Ada Lovelace", "Byron Lovelace"])
        #expect(mentions.map(\.matched) == ["Ada Lovelace", "Lovelace", "Lovelace"])
    }

    @Test func emptyWatchlistAndEmptyText() {
        #expect(MentionMatcher(people: []).mentions(in: "Ada Lovelace").isEmpty)
        #expect(matcher.mentions(in: "").isEmpty)
    }

    @Test func tenThousandWatchedNames() {
        var people: [WatchedPerson] = []
        for index in 0..<10_000 {
            people.append(WatchedPerson(name: "Person\(index) Surname\(index)", handles: ["login\(index)"]))
        }
        people.append(MentionMatcherTests.ada)
        let matcher = MentionMatcher(people: people)
        let text = "Person42 Surname42 met Ada Lovelace; @login9999 agreed. Person4 Surname4x did not. Person1234 Surname1234."
        let mentions = matcher.mentions(in: text)
        #expect(mentions.map(\.matched) == ["Person42 Surname42", "Ada Lovelace", "login9999", "Person1234 Surname1234"])
        #expect(mentions.map(\.personIndex) == [42, 10_000, 9999, 1234])
        for mention in mentions { #expect(slice(text, mention) == mention.matched) }
    }
}

@Suite struct MentionMatcherOffsetTests {
    @Test func offsetsCountScalarsNotBytesOrCharacters() {
        let matcher = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace")])
        let text = "😀👩‍💻 é\u{0301} — Ada Lovelace 😀"
        let mention = try! #require(matcher.mentions(in: text).first)
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[mention.start..<mention.end])
        #expect(String(view) == "Ada Lovelace")
        #expect(mention.start == 10)
    }

    @Test func namesakesOnTheSameSpanAreBothReported() {
        let matcher = MentionMatcher(people: [WatchedPerson(name: "John Smith"), WatchedPerson(name: "John Smith", handles: ["jsmith-rs"])])
        let mentions = matcher.mentions(in: "John Smith wrote it.")
        #expect(mentions.map(\.personIndex) == [0, 1])
    }

    @Test func sentencesFromTheCallerAreUsed() {
        let matcher = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace")])
        let text = "First. Second with Ada Lovelace. Third."
        let sentences = SentenceSplitter().sentences(in: text)
        #expect(matcher.mentions(in: text, sentences: sentences).map(\.sentence) == [1])
        #expect(matcher.containsMention(in: text))
        #expect(!matcher.containsMention(in: "First. Second. Third."))
    }
}
