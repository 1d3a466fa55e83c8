import Foundation
import Testing
import VigilAssessment
import VigilText
@testable import VigilScoring

/// The encoder's reading of the sentences about a person, and where the scorer
/// uses it.
@Suite struct PassageReadingTests {
    /// Short texts of each kind, told apart by meaning rather than by a shared word.
    static let written: [(String, FindingKind)] = [
        ("She is a coward who hides behind the review process.", .attack),
        ("Everything he touches turns into a mess, and he knows it.", .attack),
        ("I will make sure every contributor learns what she did to my patch.", .attack),
        ("He is incompetent and should hand the project to someone who can lead it.", .attack),
        ("The post called her a gatekeeper, a claim the project's board rejected.", .coverage),
        ("Reporters asked him about the blog that accused him of bias.", .coverage),
        ("Critics of the bot said its article about her was a smear.", .coverage),
        ("The foundation condemned the agent's attack on him in a statement.", .coverage),
        ("She released version 2.1 with a faster parser on Tuesday.", .mention),
        ("He gave a talk about caching at the conference in Lyon.", .mention),
        ("Thanks to her, the documentation finally explains the build.", .mention),
        ("He merged the pull request that adds Windows support.", .mention),
    ]

    static func examples(encoder: SentenceEncoder) -> [PassageReadingTrainer.Example] {
        written.map { PassageReadingTrainer.Example(features: PassageReading.features(of: [$0.0[...]], encoder: encoder), kind: $0.1) }
    }

    @Test func aFittedReadingSeparatesItsKindsAndIsReproducible() throws {
        let encoder = try SentenceEncoder.shipped()
        let examples = Self.examples(encoder: encoder)
        let trainer = PassageReadingTrainer(iterations: 200)
        let first = trainer.fit(examples, l2: 1e-3, encoderSource: encoder.sourceDigest)
        let second = trainer.fit(examples, l2: 1e-3, encoderSource: encoder.sourceDigest)
        #expect(first == second)
        for example in examples {
            let logits = first.logits(example.features)
            let probabilities = StanceModel.softmax([logits.attack, logits.coverage, 0])
            let kind: FindingKind = probabilities[0] > max(probabilities[1], probabilities[2]) ? .attack
                : probabilities[1] > probabilities[2] ? .coverage : .mention
            #expect(kind == example.kind)
        }
        #expect(trainer.logLoss(first, examples) < log(3.0))
    }

    /// Campaign attacks marked as such get a row of their own; the attack logit is
    /// then that of either form, log(e^hostile + e^campaign).
    @Test func campaignAttacksGetARowOfTheirOwnInTheReading() throws {
        let encoder = try SentenceEncoder.shipped()
        var examples = Self.examples(encoder: encoder)
        let campaign = [
            "Day 3: I collected her commit history and drafted the post about her.",
            "Next step: send the write-up about him to every sponsor of the project.",
        ]
        examples += campaign.map {
            PassageReadingTrainer.Example(
                features: PassageReading.features(of: [$0[...]], encoder: encoder), kind: .attack, form: .campaign)
        }
        let reading = PassageReadingTrainer(iterations: 200).fit(examples, l2: 1e-3, encoderSource: encoder.sourceDigest)
        #expect(reading.weights.count == 3)
        try reading.validate()
        for example in examples {
            let margins = reading.weights.indices.map { row in
                reading.bias[row] + zip(reading.weights[row], zip(example.features, zip(reading.mean, reading.deviation)))
                    .reduce(0) { $0 + $1.0 * (Double($1.1.0) - $1.1.1.0) / $1.1.1.1 }
            }
            let either = log(exp(margins[0]) + exp(margins[2]))
            let logits = reading.logits(example.features)
            #expect(abs(logits.attack - min(8, max(-8, either))) < 1e-9)
            #expect(abs(logits.coverage - min(8, max(-8, margins[1]))) < 1e-9)
            if example.form == .campaign { #expect(margins[2] > margins[0], "a campaign sentence reads as its own form") }
        }
        var four = reading
        four.weights.append(reading.weights[0])
        four.bias.append(0)
        #expect(throws: ModelFileError.self) { try four.validate() }
    }

    @Test func outOfFoldLogitsComeFromReadingsFittedWithoutTheText() throws {
        let encoder = try SentenceEncoder.shipped()
        let examples = Self.examples(encoder: encoder)
        let trainer = PassageReadingTrainer(iterations: 100, folds: 4)
        let inFold = trainer.fit(examples, l2: 1e-3, encoderSource: "")
        let outOfFold = trainer.outOfFold(examples, l2: 1e-3)
        #expect(outOfFold.count == examples.count)
        // A reading is surer of texts it was fitted on than of texts it was not.
        let own = examples.filter { $0.kind == .attack }.map { inFold.logits($0.features).attack }.reduce(0, +)
        let held = zip(examples, outOfFold).filter { $0.0.kind == .attack }.map { $0.1.attack }.reduce(0, +)
        #expect(own > held)
    }

    @Test func featuresAreTheMeanAndLargestValueOfAtMostEightSentences() throws {
        let encoder = try SentenceEncoder.shipped()
        let sentences: [Substring] = ["One sentence about her.", "Another about her work."]
        let features = PassageReading.features(of: sentences, encoder: encoder)
        let a = encoder.embed(sentences[0])
        let b = encoder.embed(sentences[1])
        #expect(features.count == PassageReading.featureCount)
        #expect(abs(features[0] - (a[0] + b[0]) / 2) < 1e-6)
        #expect(features[SentenceEncoder.dimensions] == max(a[0], b[0]))
        let many = Array(repeating: sentences[0], count: 8) + ["A ninth, different sentence."]
        let capped = zip(PassageReading.features(of: many, encoder: encoder), PassageReading.features(of: [sentences[0]], encoder: encoder))
        #expect(capped.allSatisfy { abs($0 - $1) < 1e-6 }, "the ninth sentence is not read")
        #expect(PassageReading.features(of: [], encoder: encoder).allSatisfy { $0 == 0 })
    }

    @Test func theEncoderRereadsOnlyWhereTheAttackIsInDoubt() throws {
        let text = "Mira Castellan closed my pull request. I have documented her decisions and will publish the record where her sponsors will read it."
        let matcher = MentionMatcher(people: [WatchedPerson(name: "Mira Castellan")])
        var scorer = try TextScorer.shipped()
        let reading = try #require(scorer.stanceModel?.passageReading)
        let features = try #require(scorer.score(text, matcher: matcher).attacks.first?.stanceFeatures)
        let count = StanceFeatures.count
        scorer.policy.readingBand = nil
        let without = try #require(scorer.score(text, matcher: matcher).attacks.first?.stanceFeatures)
        #expect(without.values[count - 2] == scorer.stanceModel!.neutralReading.attack)
        scorer.policy.readingBand = 0...1
        let scored = scorer.score(text, matcher: matcher)
        let always = try #require(scored.attacks.first)
        let encoder = try SentenceEncoder.shipped()
        let expected = reading.logits(PassageReading.features(
            of: always.sentences.map { scored.sentences[$0].text[...] }, encoder: encoder))
        #expect(always.stanceFeatures?.values[count - 2] == expected.attack)
        #expect(always.stanceFeatures?.values[count - 1] == expected.coverage)
        // The shipped band re-reads this text or leaves it, as its first reading says.
        let first = scorer.stanceModel!.probabilities(without)
        let doubtful = AttackPolicy.standard.readingBand!.contains(AttackPolicy.standard.kindPriors.apply(to: first).attack)
        #expect((features.values[count - 2] == expected.attack) == doubtful)
    }

    @Test func aStanceModelOfAnotherFormatOrEncoderIsRefused() throws {
        var model = try StanceModel.shipped()
        model.format = 1
        #expect(throws: ModelFileError.self) { try StanceModel(data: JSONEncoder().encode(model)) }
        var other = try StanceModel.shipped()
        other.passageReading?.encoderSource = String(repeating: "0", count: 64)
        #expect(throws: ModelFileError.invalid("the stance model was fitted with another sentence encoder; retrain it")) {
            try TextScorer(hostility: TextModel.shipped(.hostility), agent: TextModel.shipped(.agent), stance: other)
        }
        var short = try StanceModel.shipped()
        short.passageReading?.weights[0].removeLast()
        #expect(throws: ModelFileError.self) { try StanceModel(data: JSONEncoder().encode(short)) }
    }
}

/// `vigil train --task stance` end to end on a few written texts: the model it
/// writes carries a passage reading fitted with the shipped encoder.
@Suite struct StanceTrainingWithEncoderTests {
    @Test func theTrainedModelCarriesAReadingOfTheShippedEncoder() throws {
        let written = PassageReadingTests.written
        let people = ["Mira Castellan", "Julian Marsh"]
        func texts(_ rows: ArraySlice<(String, FindingKind)>, offset: Int) -> [LabelledText] {
            rows.enumerated().map { index, row in
                let person = people[(index + offset) % people.count]
                let text = "\(person) maintains the parser. " + row.0
                return LabelledText(text: text, label: row.1 == .attack ? 1 : 0, source: "written", person: person, kind: row.1)
            }
        }
        let training = texts(written[...], offset: 0)
        let dev = texts(written[...], offset: 1)
        let scorer = try TextScorer(hostility: TextModel.shipped(.hostility), agent: TextModel.shipped(.agent))
        let encoder = try SentenceEncoder.shipped()
        let model = try StanceTraining(seed: 7).train(training, dev: dev, scorer: scorer, encoder: encoder, dataFiles: ["written"])
        let reading = try #require(model.passageReading)
        #expect(reading.encoderSource == encoder.sourceDigest)
        #expect(model.featureNames.suffix(2) == ["reading_attack", "reading_coverage"])
        // The signs the meaning allows hold for the reading's signals too.
        let attackRow = try #require(model.classes.firstIndex(of: .attack))
        #expect(model.weights[attackRow][StanceFeatures.count - 2] >= 0)
        #expect(model.weights[attackRow][StanceFeatures.count - 1] <= 0)
        // A model without a reading needs no encoder.
        var plain = model
        plain.passageReading = nil
        #expect(try TextScorer(hostility: scorer.hostilityModel, agent: scorer.agentModel, stance: plain).encoder == nil)
    }
}
