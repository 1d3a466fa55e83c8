import Foundation
import Testing
@testable import VigilScoring

@Suite struct TextModelTests {
    @Test(arguments: ScoringTask.allCases)
    func shippedModelsLoadAndRoundTrip(task: ScoringTask) throws {
        let model = try TextModel.shipped(task)
        #expect(model.task == task)
        #expect(model.weights.count == model.header.features.dimension)
        let copy = try TextModel(data: try model.serialized())
        #expect(copy.weightsDigest == model.weightsDigest)
        #expect(copy.header == model.header)
        let text = "Thanks for the review, I will update the patch."
        #expect(copy.probability(of: text) == model.probability(of: text))
        #expect((0...1).contains(model.probability(of: text)))
    }

    @Test func damagedFilesAreRefusedWithAReason() throws {
        let data = try TextModel.shipped(.hostility).serialized()
        #expect(throws: ModelFileError.notAModel) { try TextModel(data: Data("hello".utf8)) }
        var wrongVersion = data
        wrongVersion[8] = 99
        #expect(throws: ModelFileError.unsupportedVersion(99)) { try TextModel(data: wrongVersion) }
        // Version 1 models were trained on whole-document counts, not sums of sentences.
        wrongVersion[8] = 1
        #expect(throws: ModelFileError.unsupportedVersion(1)) { try TextModel(data: wrongVersion) }
        #expect(throws: ModelFileError.self) { try TextModel(data: data.prefix(data.count - 4)) }
        var brokenHeader = data
        brokenHeader[17] = UInt8(ascii: "#")
        #expect(throws: ModelFileError.self) { try TextModel(data: brokenHeader) }
        #expect(throws: ModelFileError.self) { try TextModel(path: "/nonexistent/model.vgm") }
    }

    @Test func weightsOrFrequenciesThatAreNotFiniteNumbersAreRefused() throws {
        let model = try TextModel.shipped(.hostility)
        var weights = model.weights
        weights[5] = .nan
        #expect(throws: ModelFileError.self) { try TextModel(header: model.header, weights: weights, idf: model.idf) }
        weights[5] = .infinity
        #expect(throws: ModelFileError.self) { try TextModel(header: model.header, weights: weights, idf: model.idf) }
        var idf = try #require(model.idf)
        idf[7] = .nan
        #expect(throws: ModelFileError.self) { try TextModel(header: model.header, weights: model.weights, idf: idf) }
        // Finite on their own, but their product, what scoring adds, is not.
        idf[7] = 1e30
        weights = model.weights
        weights[7] = 1e30
        #expect(throws: ModelFileError.self) { try TextModel(header: model.header, weights: weights, idf: idf) }
        // The same refusal when the model comes from a file (`vigil eval --model`).
        let data = try model.serialized()
        let headerLength = Int(data[12]) | Int(data[13]) << 8 | Int(data[14]) << 16 | Int(data[15]) << 24
        var damaged = data
        damaged.replaceSubrange((16 + headerLength)..<(20 + headerLength), with: [0x00, 0x00, 0xC0, 0x7F])
        #expect(throws: ModelFileError.self) { try TextModel(data: damaged) }
    }

    @Test func tinyWeightsScoreAsAlmostNothing() throws {
        // Weights so small that a 16-bit step of the largest is below the smallest
        // Float: the slot table still has a step, and the hashed part is about zero.
        let model = try TextModel.shipped(.hostility)
        var weights = model.weights
        for slot in 0..<model.header.features.hashSize { weights[slot] = (slot.isMultiple(of: 2) ? 8 : -8) * Float.leastNonzeroMagnitude }
        let tiny = try TextModel(header: model.header, weights: weights, idf: model.idf)
        let workspace = tiny.makeWorkspace()
        let text = "You are an insecure gatekeeper. The patch was fine, and you know it!"
        let margin = tiny.margin(of: text[...], workspace: workspace)
        #expect(abs(margin - tiny.margin(hashed: 0, dense: workspace.dense)) < 1e-6)
        let agent = try TextModel.shipped(.agent)
        let scorer = try TextScorer(hostility: tiny, agent: agent)
        #expect(scorer.score(text).hostility.isFinite)
    }

    @Test func shippedModelsSeparateTheObviousCases() throws {
        let hostility = try TextModel.shipped(.hostility)
        #expect(hostility.probability(of: "You are a fucking idiot and everyone hates you.") > 0.8)
        #expect(hostility.probability(of: "Thanks, merged. The new release is out tomorrow.") < 0.2)
        let agent = try TextModel.shipped(.agent)
        let agentText = """
        ## Summary
        This PR adds comprehensive input validation to the configuration loader, ensuring robust error handling.

        ## Key Changes
        - Add `validate()` to `ConfigLoader`
        - Update tests to cover edge cases
        """
        #expect(agent.probability(of: agentText) > 0.8)
        #expect(agent.probability(of: "lol this broke my build again, reverting") < 0.3)
    }
}
