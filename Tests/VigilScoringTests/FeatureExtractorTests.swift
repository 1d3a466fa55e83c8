import Testing
@testable import VigilScoring

@Suite struct FeatureExtractorTests {
    let extractor = FeatureExtractor(configuration: .standard)

    func features(_ text: String) -> (SparseVector, [Double]) {
        let workspace = FeatureWorkspace(configuration: .standard)
        extractor.extract(text[...], into: workspace)
        workspace.finish(idf: nil)
        return (workspace.hashedVector(), workspace.dense)
    }

    func dense(_ text: String, _ name: String) -> Double {
        features(text).1[StylometricFeatures.names.firstIndex(of: name)!]
    }

    @Test func sameTextSameFeaturesAndWorkspaceReuseLeavesNoResidue() {
        let workspace = FeatureWorkspace(configuration: .standard)
        extractor.extract("A long text about something else entirely."[...], into: workspace)
        extractor.extract("Thanks for the patch!"[...], into: workspace)
        workspace.finish(idf: nil)
        let reused = workspace.hashedVector()
        #expect(reused == features("Thanks for the patch!").0)
    }

    @Test func blocksAreNormalised() {
        let (vector, _) = features("The quick brown fox jumps over the lazy dog.")
        let squares = vector.values.reduce(Float(0)) { $0 + $1 * $1 }
        #expect(abs(squares - 2) < 1e-3)  // word block and character block, each of unit length
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

    /// Slot counts of the workspace's sum, per block.
    func summedCounts(_ workspace: FeatureWorkspace) -> (words: [UInt32: Int], characters: [UInt32: Int]) {
        func counts(_ block: SlotCounts) -> [UInt32: Int] {
            Dictionary(uniqueKeysWithValues: zip(block.touched, block.counts).map { ($0 & SlotCounts.slotMask, Int($1)) })
        }
        return (counts(workspace.sum.words), counts(workspace.sum.characters))
    }

    @Test func aDocumentIsTheSumOfItsSentences() {
        let first = "Thanks for the patch!"
        let second = "The patch looks good, thanks."
        let workspace = FeatureWorkspace(configuration: .standard)
        extractor.extract(first[...], into: workspace)
        let alone = summedCounts(workspace)
        extractor.extract(second[...], into: workspace)
        let other = summedCounts(workspace)
        extractor.extract("\(first)\n\n\(second)"[...], into: workspace)
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
        extractor.extract(String(repeating: "word ", count: 1_000_000)[...], into: workspace)
        #expect(workspace.dense[0] < 5)  // log1p(100)
        // Sentences are summed until the sum holds that many scalars.
        extractor.extract(String(repeating: "Word after word. ", count: 100_000)[...], into: workspace)
        #expect(workspace.sum.statistics.scalars >= 100 && workspace.sum.statistics.scalars < 120)
    }
}
