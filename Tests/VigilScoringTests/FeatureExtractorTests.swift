import Testing
@testable import VigilScoring

@Suite struct FeatureExtractorTests {
    let extractor = FeatureExtractor(configuration: .standard)

    func features(_ text: String) -> (SparseVector, [Double]) {
        let workspace = FeatureWorkspace(configuration: .standard)
        extractor.extractOccurrences(text[...], into: workspace)
        return (workspace.occurrences.vector(idf: nil, configuration: .standard), workspace.dense)
    }

    func dense(_ text: String, _ name: String) -> Double {
        features(text).1[StylometricFeatures.names.firstIndex(of: name)!]
    }

    @Test func sameTextSameFeaturesAndWorkspaceReuseLeavesNoResidue() {
        let workspace = FeatureWorkspace(configuration: .standard)
        extractor.extractOccurrences("A long text about something else entirely."[...], into: workspace)
        extractor.extractOccurrences("Thanks for the patch!"[...], into: workspace)
        let reused = workspace.occurrences.vector(idf: nil, configuration: .standard)
        #expect(reused == features("Thanks for the patch!").0)
        #expect(workspace.dense == features("Thanks for the patch!").1)
    }

    @Test func blocksAreNormalisedByTheirOccurrences() {
        // Each block's values are count × idf over the square root of the sum of
        // count × idf²: with idf 1 their sum of value × count over the block is 1.
        let workspace = FeatureWorkspace(configuration: .standard)
        extractor.extractOccurrences("The cat saw the other cat, and the cat ran."[...], into: workspace)
        let vector = workspace.occurrences.vector(idf: nil, configuration: .standard)
        var counts: [Int32: Float] = [:]
        for slot in workspace.occurrences.words + workspace.occurrences.characters { counts[Int32(slot), default: 0] += 1 }
        #expect(counts.values.contains { $0 > 1 })
        var total: Float = 0
        for (index, value) in zip(vector.indices, vector.values) { total += value * value / counts[index]! }
        #expect(abs(total - 2) < 1e-3)  // word block and character block
    }

    @Test func scoringSumsGiveTheMarginOfTheTrainingVector() throws {
        let model = try TextModel.shipped(.hostility)
        let text = "You are an insecure gatekeeper. The patch was fine, and you know it! Why do you block everyone?"
        let scoring = model.makeWorkspace()
        let margin = model.margin(of: text[...], workspace: scoring)
        let training = FeatureWorkspace(configuration: model.header.features)
        model.extractor.extractOccurrences(text[...], into: training)
        let vector = training.occurrences.vector(idf: model.idf, configuration: model.header.features)
        let explicit = model.margin(hashed: model.weights.withUnsafeBufferPointer { vector.dot($0) }, dense: training.dense)
        // The scorer's slot table is 16-bit fixed point: a margin moves by its rounding.
        #expect(abs(margin - explicit) < 1e-3)
        #expect(abs(margin) > 0.1)
    }

    /// The scorer's 16-bit table against the exact training vectors, over dev texts.
    @Test func fixedPointTableStaysCloseToTheExactMarginsOnDevTexts() throws {
        guard let path = TestData.shared("hostility/dev.jsonl") else {
            print("skipped: \(TestData.sharedMissing)")
            return
        }
        let model = try TextModel.shipped(.hostility)
        let scoring = model.makeWorkspace()
        let training = FeatureWorkspace(configuration: model.header.features)
        var largest = 0.0
        for example in try LabelledDataset.read(path: path).prefix(400) {
            let margin = model.margin(of: example.text[...], workspace: scoring)
            model.extractor.extractOccurrences(example.text[...], into: training)
            let vector = training.occurrences.vector(idf: model.idf, configuration: model.header.features)
            let explicit = model.margin(hashed: model.weights.withUnsafeBufferPointer { vector.dot($0) }, dense: training.dense)
            largest = max(largest, abs(margin - explicit))
        }
        print("largest margin difference, fixed point against exact: \(largest)")
        #expect(largest < 5e-3)
    }

    @Test func emptyBinaryAndMixedScriptTextDoNotTrap() {
        #expect(features("").0.indices.isEmpty)
        let binary = String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }, as: UTF8.self)
        #expect(!features(binary).0.indices.isEmpty)
        let mixed = "Ada Lovelace — エイダ・ラブレス 说 «bonjour» 🙂 ΑΒΓ déjà-vu x\u{0301}"
        let (vector, values) = features(mixed)
        #expect(!vector.indices.isEmpty)
        #expect(values.allSatisfy { $0.isFinite })
        #expect(vector.indices.allSatisfy { $0 >= 0 && Int($0) < FeatureConfiguration.standard.hashSize })
    }

    @Test func caseAndCurlyApostrophesFoldTogether() {
        #expect(features("You’re WRONG").0 == features("you're wrong").0)
    }

    @Test func stylometricSignalsRespondToWhatTheyName() {
        #expect(dense("Why are you like this? Why do you always block everyone?", "rhetorical_question_share") == 1)
        #expect(dense("The release is out.", "rhetorical_question_share") == 0)
        #expect(dense("She is protecting her fiefdom out of insecurity.", "ego_insecurity_rate") > 0)
        #expect(dense("This is gatekeeping by a gatekeeper.", "gatekeeping_rate") > 0)
        #expect(dense("He acted in bad faith.", "bad_faith_rate") > 0)
        #expect(dense("As an AI agent, I opened this pull request.", "ai_self_reference") >= 2)
        #expect(dense("It's not a bug. It's a feature.", "not_x_but_y_rate") > 0)
        #expect(dense("## Summary\n- one\n- two\n", "list_line_share") > 0.6)
        #expect(dense("## Summary\n- one\n- two\n", "heading_line_share") > 0.3)
        #expect(dense("You are an idiot.", "insult_rate") > 0)
        #expect(dense("The build passed on Linux.", "insult_rate") == 0)
    }

    /// Occurrences per slot of the document last read, per block.
    func summedCounts(_ workspace: FeatureWorkspace) -> (words: [UInt32: Int], characters: [UInt32: Int]) {
        func counts(_ slots: [UInt32]) -> [UInt32: Int] {
            slots.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        return (counts(workspace.occurrences.words), counts(workspace.occurrences.characters))
    }

    @Test func aDocumentIsTheSumOfItsSentences() {
        let first = "Thanks for the patch!"
        let second = "The patch looks good, thanks."
        let workspace = FeatureWorkspace(configuration: .standard)
        extractor.extractOccurrences(first[...], into: workspace)
        let alone = summedCounts(workspace)
        extractor.extractOccurrences(second[...], into: workspace)
        let other = summedCounts(workspace)
        extractor.extractOccurrences("\(first)\n\n\(second)"[...], into: workspace)
        let document = summedCounts(workspace)
        #expect(document.words == alone.words.merging(other.words, uniquingKeysWith: +))
        #expect(document.characters == alone.characters.merging(other.characters, uniquingKeysWith: +))
        #expect(workspace.sum.statistics.sentences == 2)
        #expect(workspace.sum.statistics.words == 9)
        // "the", "patch" and "thanks" occur in both sentences and count once as distinct words.
        #expect(workspace.sum.statistics.distinctWords == 6)
    }

    @Test func sentencePatternsSpanTheBoundaryOfSummedSentences() {
        #expect(dense("It's not a bug.\n\nIt's a feature.", "not_x_but_y_rate") == 0.5)
        #expect(dense("It's not a bug.\n\nWe fixed it anyway.", "not_x_but_y_rate") == 0)
        #expect(dense("The cat sat. The cat sat.", "type_token_ratio") == 0.5)
    }

    @Test func onlyTheConfiguredPrefixIsRead() {
        var configuration = FeatureConfiguration.standard
        configuration.maxScalars = 100
        let extractor = FeatureExtractor(configuration: configuration)
        let workspace = FeatureWorkspace(configuration: configuration)
        extractor.extractOccurrences(String(repeating: "word ", count: 1_000_000)[...], into: workspace)
        #expect(workspace.dense[0] < 5)  // log1p(100)
        // Sentences are summed until the sum holds that many scalars.
        extractor.extractOccurrences(String(repeating: "Word after word. ", count: 100_000)[...], into: workspace)
        #expect(workspace.sum.statistics.scalars >= 100 && workspace.sum.statistics.scalars < 120)
    }
}
