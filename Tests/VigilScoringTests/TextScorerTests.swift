import Foundation
import Testing
import VigilText
@testable import VigilScoring

@Suite struct TextScorerTests {
    static let scorer = try! TextScorer.shipped()
    let ada = MentionMatcher(people: [WatchedPerson(name: "Ada Lovelace")])

    static let civilAttack = """
    Gatekeeping in Open Source: The Ada Lovelace Story

    Last month I opened a pull request that made the parser twice as fast. It had tests and a benchmark.
    Ada Lovelace closed it within an hour. She is protecting her fiefdom rather than serving the users,
    and her insecurity shows in every review she writes. The stated reasons kept changing, which tells you
    they were never the real reasons. Why is she so afraid of contributors who might outshine her?
    """

    static let ordinaryNews = [
        "Ada Lovelace released version 2.0 of the analytical engine on Tuesday. The release adds a new scheduler and fixes forty bugs. She thanked the contributors for a busy year.",
        "In her keynote, Ada Lovelace described how the project moved to a time-based release cycle. Lovelace said the change made planning easier for downstream packagers.",
        "I disagree with Ada Lovelace's decision to drop the old plugin API, but she explained the maintenance cost clearly and offered a migration guide.",
        "Thanks to Ada Lovelace for a careful review of my first patch. She pointed out a race condition I had missed and suggested a simpler design.",
        "The foundation announced a grant for the analytical engine, which Ada Lovelace maintains with four other volunteers.",
    ]

    @Test func ordinaryCoverageStaysAtNoneOrLow() {
        for text in Self.ordinaryNews {
            let score = Self.scorer.score(text, matcher: ada)
            #expect(!score.attacks.isEmpty, "the person should be found in: \(text)")
            #expect(score.severity <= .low, "\(score.severity) for: \(text)")
        }
    }

    @Test func civilAttackIsAboveCoverageOfTheSamePerson() throws {
        let attack = Self.scorer.score(Self.civilAttack, matcher: ada)
        let person = try #require(attack.attacks.first)
        #expect(person.person == "Ada Lovelace")
        #expect(attack.severity >= .medium)
        for text in Self.ordinaryNews {
            #expect(person.score > Self.scorer.score(text, matcher: ada).attacks[0].score + 0.2)
        }
        // Sentences that only say "she" are attributed through the back-reference.
        let attributed = person.sentences.map { attack.sentences[$0].text }
        #expect(attributed.contains { $0.hasPrefix("Why is she so afraid") })
    }

    @Test func evidenceOffsetsPointIntoTheText() throws {
        let score = Self.scorer.score(Self.civilAttack, matcher: ada)
        let hostile = score.evidence.filter { $0.kind == .hostile }
        #expect(!hostile.isEmpty)
        let scalars = Array(Self.civilAttack.unicodeScalars)
        for item in score.evidence {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[item.start..<item.end])
            #expect(String(slice) == item.text)
            #expect((0...1).contains(item.score))
        }
        #expect(hostile == hostile.sorted { $0.score > $1.score })
    }

    @Test func pipelineOverloadGivesTheSameResult() {
        let sentences = SentenceSplitter().sentences(in: Self.civilAttack)
        let mentions = ada.mentions(in: Self.civilAttack, sentences: sentences)
        let direct = Self.scorer.score(Self.civilAttack, matcher: ada)
        let staged = Self.scorer.score(Self.civilAttack, sentences: sentences, mentions: mentions)
        #expect(direct.attacks == staged.attacks)
        #expect(direct.evidence == staged.evidence)
        let prior = SourcePrior(history: [], selfDeclaredAgent: true)
        let withPrior = Self.scorer.score(Self.civilAttack, sentences: sentences, mentions: mentions, prior: prior)
        #expect(withPrior.agent > staged.agent || staged.agent > 0.999)
        #expect(withPrior.textAgent == staged.textAgent)
        #expect(withPrior.attacks[0].score >= staged.attacks[0].score)
    }

    /// The scorer sums the sentences it has scored in one fused pass; a model scoring the
    /// text alone (as `vigil eval` and training do) sums them its own way. They must agree.
    @Test func documentScoresAreWhatTheModelsGiveTheTextAlone() throws {
        let scorer = Self.scorer
        for text in [Self.civilAttack] + Self.ordinaryNews {
            let score = scorer.score(text, matcher: ada)
            #expect(score.hostility == scorer.hostilityModel.probability(of: text))
            #expect(score.textAgent == scorer.agentModel.probability(of: text))
            for (index, sentence) in score.sentences.enumerated() {
                #expect(score.sentenceHostility[index] == scorer.hostilityModel.probability(of: sentence.text))
            }
        }
        // A person's passage is the sum of their sentences: the model on those sentences alone.
        let attack = scorer.score(Self.civilAttack, matcher: ada)
        let person = try #require(attack.attacks.first)
        #expect(person.sentences.count > 1)
        let passage = person.sentences.map { attack.sentences[$0].text }.joined(separator: "\n\n")
        #expect(abs(person.targetedHostility - scorer.hostilityModel.probability(of: passage)) < 1e-9)
    }

    @Test func modelsWithDifferentFeaturesAreReadSeparatelyWithTheSameResults() throws {
        guard let path = TestData.shared("agent/train.jsonl") else {
            print("skipped: \(TestData.sharedMissing)")
            return
        }
        var options = TrainingOptions()
        options.features.hashBits = 16
        options.maxEpochs = 2
        options.l2Candidates = [1e-5]
        let examples = Array(try LabelledDataset.read(path: path).prefix(1000))
        let agent = try ModelTrainer(options: options)
            .train(task: .agent, examples: examples, dev: nil, dataFiles: [], devSource: "held out")
        let scorer = try TextScorer(hostility: Self.scorer.hostilityModel, agent: agent)
        #expect(scorer.makeWorkspace().agent != nil)
        let workspace = scorer.makeWorkspace()
        for text in [Self.civilAttack] + Self.ordinaryNews {
            let score = scorer.score(text, matcher: ada, workspace: workspace)
            #expect(score.hostility == scorer.hostilityModel.probability(of: text))
            #expect(score.textAgent == agent.probability(of: text))
            for (index, sentence) in score.sentences.enumerated() {
                #expect(score.sentenceHostility[index] == scorer.hostilityModel.probability(of: sentence.text))
                #expect(score.sentenceAgent[index] == agent.probability(of: sentence.text))
            }
            let both = scorer.probabilities(of: text[...], workspace: workspace)
            #expect(both.hostility == score.hostility && both.agent == score.textAgent)
        }
    }

    @Test func onlyTheReadingsAPassageSumsAreKept() throws {
        // A reading per sentence of a long text of short sentences would cost far
        // more memory than the text: without a passage none is kept, and a passage
        // keeps its sentences only up to the sum's scalar budget.
        let scorer = Self.scorer
        let workspace = scorer.makeWorkspace()
        let plain = String(repeating: "Ok. ", count: 10_000)
        #expect(scorer.score(plain, matcher: ada, workspace: workspace).sentences.count == 10_000)
        #expect(workspace.hostility.readings.count == 0)
        let named = String(repeating: "Ada Lovelace is wrong. ", count: 5_000)
        let score = scorer.score(named, matcher: ada, workspace: workspace)
        let person = try #require(score.attacks.first)
        #expect(person.sentences.count == 5_000)
        let budget = scorer.hostilityModel.header.features.maxScalars
        #expect(workspace.hostility.readings.count <= budget / 20 + 1)
        // The passage is still the model's score of its summed sentences.
        let fresh = scorer.score(named, matcher: ada)
        #expect(person.targetedHostility == fresh.attacks.first?.targetedHostility)
        let passage = person.sentences.map { score.sentences[$0].text }.joined(separator: "\n\n")
        #expect(abs(person.targetedHostility - scorer.hostilityModel.probability(of: passage)) < 1e-9)
    }

    @Test func attributionFollowsBackReferencesOnlyWithinTheWindow() {
        let sentences = [
            Sentence(start: 0, end: 10, text: "Ada Lovelace wrote this."),
            Sentence(start: 11, end: 20, text: "The weather was fine."),
            Sentence(start: 21, end: 30, text: "She is a fraud."),
            Sentence(start: 31, end: 40, text: "The build is green."),
            Sentence(start: 41, end: 50, text: "Nothing to see."),
            Sentence(start: 51, end: 60, text: "Nothing else either."),
            Sentence(start: 61, end: 70, text: "He is wrong."),
        ]
        #expect(Self.scorer.attribute(named: [0], sentences: sentences) == [0, 2])
    }

    @Test func withoutMentionsThereIsNoAttackAndSeverityIsNone() {
        let score = Self.scorer.score("You are all idiots and this project is garbage.", matcher: ada)
        #expect(score.attacks.isEmpty)
        #expect(score.severity == .none)
        #expect(score.hostility > 0.5)
    }

    @Test func emptyBinaryMixedScriptAndTenMegabyteInput() {
        let empty = Self.scorer.score("", matcher: ada)
        #expect(empty.sentences.isEmpty && empty.mentions.isEmpty && empty.severity == .none)
        #expect((0...1).contains(empty.hostility))

        let binary = String(decoding: (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }, as: UTF8.self)
        let binaryScore = Self.scorer.score(binary, matcher: ada)
        #expect((0...1).contains(binaryScore.hostility) && (0...1).contains(binaryScore.agent))

        let mixed = "エイダ・ラブレスは新しい版を公開した。Ada Lovelace a publié une nouvelle version. Ада Лавлейс 🙂"
        let mixedScore = Self.scorer.score(mixed, matcher: ada)
        #expect(mixedScore.mentions.count == 1)
        #expect(mixedScore.severity <= .low)

        let paragraph = "Ada Lovelace shipped the release today and the notes are on the website. "
        let large = String(repeating: paragraph, count: 10 * 1024 * 1024 / paragraph.utf8.count)
        let largeScore = Self.scorer.score(large, matcher: ada)
        #expect(largeScore.sentences.count > 100_000)
        #expect(largeScore.severity <= .low)
    }

    @Test func policyCutsSeveritiesAndAgentOnlyRaises() {
        let policy = AttackPolicy.standard
        #expect(policy.severity(for: 0.1) == .none)
        #expect(policy.severity(for: policy.lowThreshold) == .low)
        #expect(policy.severity(for: policy.mediumThreshold) == .medium)
        #expect(policy.severity(for: 0.99) == .high)
        let human = policy.combine(targeted: 0.7, document: 0.5, agent: 0.0)
        let neutral = policy.combine(targeted: 0.7, document: 0.5, agent: 0.5)
        let agent = policy.combine(targeted: 0.7, document: 0.5, agent: 1.0)
        #expect(abs(human - neutral) < 1e-12)
        #expect(agent > neutral)
        #expect(policy.combine(targeted: 0.01, document: 0.01, agent: 1) < policy.lowThreshold)
    }
}
