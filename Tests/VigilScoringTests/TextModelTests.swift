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
