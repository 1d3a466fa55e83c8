import Foundation
import Testing
import VigilAssessment
@testable import VigilScoring

@Suite struct StanceModelTests {
    /// Examples where one feature decides the kind, with a little noise on the others.
    static func examples(seed: UInt64 = 3) -> [StanceTrainer.Example] {
        var generator = SeededGenerator(seed: seed)
        var result: [StanceTrainer.Example] = []
        for index in 0..<90 {
            let kind = FindingKind.allCases[index % 3]
            var values = (0..<StanceFeatures.count).map { _ in Double.random(in: -0.1...0.1, using: &generator) }
            switch kind {
            case .attack: values[0] += 3  // author_hostility
            case .coverage: values[5] += 1  // reported_share
            case .mention: break
            }
            result.append(.init(features: StanceFeatures(values: values), kind: kind))
        }
        return result
    }

    @Test func trainingSeparatesKindsAndIsReproducible() throws {
        let trainer = StanceTrainer(seed: 7, l2Candidates: [1e-2, 1e-3], iterations: 400)
        let first = try trainer.train(Self.examples(), hostilityWeights: "test", dataFiles: ["synthetic"])
        let second = try trainer.train(Self.examples(), hostilityWeights: "test", dataFiles: ["synthetic"])
        #expect(first == second)
        for example in Self.examples(seed: 11) {
            #expect(first.probabilities(example.features).kind == example.kind)
        }
        let probabilities = first.probabilities(Self.examples()[0].features)
        #expect(abs(probabilities.attack + probabilities.coverage + probabilities.mention - 1) < 1e-9)
    }

    @Test func aKindWithoutExamplesIsRefused() {
        let trainer = StanceTrainer(iterations: 10)
        #expect(throws: TrainingError.missingKind("mention")) {
            try trainer.train(Self.examples().filter { $0.kind != .mention }, hostilityWeights: "", dataFiles: [])
        }
    }

    @Test func writtenFilesReadBackAndDamagedOnesAreRefused() throws {
        let trainer = StanceTrainer(seed: 7, l2Candidates: [1e-2], iterations: 50)
        let model = try trainer.train(Self.examples(), hostilityWeights: "test", dataFiles: [])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stance-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path)
        #expect(try StanceModel(path: path) == model)

        var renamed = model
        renamed.featureNames[0] = "something_else"
        #expect(throws: ModelFileError.self) { try StanceModel(data: JSONEncoder().encode(renamed)) }
        var infinite = model
        infinite.weights[1][2] = .infinity
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        #expect(throws: ModelFileError.self) { try StanceModel(data: encoder.encode(infinite)) }
        #expect(throws: ModelFileError.self) { try StanceModel(data: Data("{}".utf8)) }
    }

    @Test func theShippedModelReadsTheFeaturesThisBuildComputes() throws {
        let model = try StanceModel.shipped()
        #expect(model.featureNames == StanceFeatures.names)
        #expect(model.hostilityWeights == (try TextModel.shipped(.hostility)).weightsDigest)
    }

    @Test func severityFollowsTheKind() {
        let policy = AttackPolicy.standard
        #expect(policy.severity(for: 0.9, kind: .attack) == .high)
        #expect(policy.severity(for: 0.9, kind: .coverage) == .low)
        #expect(policy.severity(for: 0.05, kind: .coverage) == .low)
        #expect(policy.severity(for: 0.9, kind: .mention) == .low)
        #expect(policy.severity(for: 0.05, kind: .mention) == .none)
        var open = policy
        open.ceilingWithoutAttack = .medium
        #expect(open.severity(for: 0.6, kind: .coverage) == .medium)
    }
}
