import Foundation
import Testing
@testable import VigilText

/// The matcher skips text that cannot begin a name without feeding it to the
/// automaton. These tests compare that against feeding every byte, over the
/// shared datasets' texts with watched names planted in the awkward places
/// (after tags, entities, no-break and zero-width spaces, CJK text, inside words).
@Suite struct IdleSkippingTests {
    static let datasetsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/datasets")

    static func datasetTexts(limit: Int) -> [String]? {
        let url = datasetsDirectory.appendingPathComponent("hostility/dev.jsonl")
        guard let data = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        var texts: [String] = []
        for line in data.split(separator: "\n") where texts.count < limit {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String else { continue }
            texts.append(text)
        }
        return texts
    }

    /// Deterministic people: syllable surnames, common given names, handles,
    /// some Katakana aliases and projects.
    static func people(count: Int) -> [WatchedPerson] {
        let given = ["Ada", "Grace", "Linus", "Guido", "Ken", "Anita", "Tim", "Søren", "Łukasz", "Zoë", "Ana", "Priya"]
        let syllables = ["ka", "lo", "ve", "ran", "mi", "sto", "bel", "dor", "fen", "gri", "hal", "jun", "kor", "lin"]
        let kana = ["カ", "ロ", "ヴ", "ラ", "ミ", "ス", "ベ", "ド"]
        var generator = SplitMix(seed: 20261126)
        return (0..<count).map { index in
            let surname = (0..<(2 + index % 3)).map { _ in syllables[generator.next(syllables.count)] }.joined().capitalized
            let first = given[index % given.count]
            return WatchedPerson(
                name: "\(first) \(surname)",
                aliases: index % 7 == 0 ? [kana[index % 8] + kana[(index / 8) % 8] + "・" + kana[(index / 3) % 8] + "ス"] : [],
                handles: ["@\(first.lowercased())\(surname.lowercased())\(index % 10)"],
                projects: index % 5 == 0 ? ["\(surname.lowercased())-kit"] : []
            )
        }
    }

    static func plant(_ people: [WatchedPerson], in texts: [String]) -> [String] {
        let contexts: [(String) -> String] = [
            { "foo<b>\($0)</b>" }, { "word\u{A0}\($0)" }, { "ab\u{200B}\($0)" }, { "x&nbsp;\($0)" }, { "漢 \($0)。" },
            { "a\t\n\($0)" }, { "<br/>\($0)" }, { "(\($0))" }, { "\"\($0.uppercased())\"" }, { "_\($0)" }, { "\($0)_x" },
            { "é\($0)" }, { "\($0)'s" }, { "https://example.org/\($0)" }, { "`\($0)`" }, { $0 },
        ]
        var generator = SplitMix(seed: 7)
        return texts.enumerated().map { index, text in
            var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + index % 6) {
                let person = people[generator.next(people.count)]
                let spelling = [person.name, person.aliases.first ?? person.name, person.handles[0],
                                String(person.name.split(separator: " ").last!)][generator.next(4)]
                words.insert(contexts[generator.next(contexts.count)](spelling), at: generator.next(words.count + 1))
            }
            return words.joined(separator: " ")
        }
    }

    func compare(peopleCount: Int) throws {
        guard let texts = IdleSkippingTests.datasetTexts(limit: 1500) else {
            print("skipped: no shared datasets at \(IdleSkippingTests.datasetsDirectory.path)")
            return
        }
        let people = IdleSkippingTests.people(count: peopleCount)
        let matcher = MentionMatcher(people: people)
        var found = 0
        for text in texts + IdleSkippingTests.plant(people, in: texts) {
            let skipping = matcher.mentions(in: text, skippingIdleText: true)
            let everyByte = matcher.mentions(in: text, skippingIdleText: false)
            #expect(skipping == everyByte, "\(text.prefix(200))")
            found += everyByte.count
        }
        #expect(found > texts.count / 2)
    }

    @Test func skippingChangesNothingWithFewNames() throws {
        try compare(peopleCount: 10)
    }

    @Test func skippingChangesNothingWithManyNames() throws {
        try compare(peopleCount: 2000)
    }

    @Test func skippingStillSeesNamesAfterTagsAndSpaces() {
        let matcher = MentionMatcher(people: [WatchedPerson(name: "Priya Lokaselgri")])
        for text in ["foo<b>Priya Lokaselgri</b>", "word\u{A0}Priya Lokaselgri", "(Priya Lokaselgri)", "x&nbsp;Priya Lokaselgri"] {
            #expect(matcher.mentions(in: text).map(\.matched) == ["Priya Lokaselgri"], "\(text)")
        }
    }
}

/// A small deterministic generator, so that planted texts are the same every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Int(value % UInt64(bound))
    }
}
