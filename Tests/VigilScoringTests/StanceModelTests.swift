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

    /// Hostile attacks are high on one signal, campaign attacks on another, and
    /// mentions sit halfway on both: one linear attack row cannot put both forms
    /// above the mentions (a mention's margin is the mean of the two forms'), two can.
    static func twoForms(seed: UInt64, marked: Bool) -> [StanceTrainer.Example] {
        var generator = SeededGenerator(seed: seed)
        return (0..<160).map { index in
            var values = (0..<StanceFeatures.count).map { _ in Double.random(in: -0.1...0.1, using: &generator) }
            let (kind, form): (FindingKind, AttackForm?) = [(.attack, .hostile), (.attack, .campaign), (.mention, nil), (.coverage, nil)][index % 4]
            switch (kind, form) {
            case (.attack, .hostile?): values[0] += 3                   // author_hostility
            case (.attack, .campaign?): values[10] += 3                 // campaign_share
            case (.mention, _): values[0] += 1.5; values[10] += 1.5
            default: values[4] += 2                                     // condemnation_share
            }
            return .init(features: StanceFeatures(values: values), kind: kind, form: marked ? form : nil)
        }
    }

    @Test func campaignAttacksGetARowOfTheirOwn() throws {
        let trainer = StanceTrainer(seed: 7, l2Candidates: [1e-4], iterations: 500)
        let model = try trainer.train(Self.twoForms(seed: 5, marked: true), hostilityWeights: "test", dataFiles: [])
        #expect(model.classes == [.attack, .coverage, .mention, .attack])
        #expect(model.attackForms == [.hostile, nil, nil, .campaign])
        let fresh = Self.twoForms(seed: 9, marked: true)
        let right = fresh.filter { model.probabilities($0.features).kind == $0.kind }.count
        #expect(right == fresh.count)

        // The same texts without their forms: one attack row misreads one form or the mentions.
        let single = try trainer.train(Self.twoForms(seed: 5, marked: false), hostilityWeights: "test", dataFiles: [])
        #expect(single.classes.count == 3)
        #expect(fresh.filter { single.probabilities($0.features).kind == $0.kind }.count < fresh.count * 9 / 10)

        // Two rows of one kind and form, or a form on a kind other than attack, are refused.
        var twice = model
        twice.attackForms[3] = .hostile
        #expect(throws: ModelFileError.self) { try StanceModel(data: JSONEncoder().encode(twice)) }
        var misplaced = model
        misplaced.attackForms[1] = .campaign
        #expect(throws: ModelFileError.self) { try StanceModel(data: JSONEncoder().encode(misplaced)) }
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
