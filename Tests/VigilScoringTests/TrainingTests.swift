import Foundation
import Testing
@testable import VigilScoring

@Suite struct TrainingTests {
    /// A small, fixed slice of the shared hostility data, or nil when it is absent.
    static func sample() throws -> [LabelledText]? {
        guard let path = TestData.shared("hostility/train.jsonl") else { return nil }
        let all = try LabelledDataset.read(path: path)
        return Array(all.prefix(1500))
    }

    static func options(seed: UInt64) -> TrainingOptions {
        var options = TrainingOptions()
        options.seed = seed
        options.features.hashBits = 16
        options.maxEpochs = 4
        options.l2Candidates = [1e-5]
        return options
    }

    @Test func sameSeedSameWeightsOtherSeedOtherWeights() throws {
        guard let examples = try Self.sample() else {
            print("skipped: \(TestData.sharedMissing)")
            return
        }
        func train(_ seed: UInt64) throws -> TextModel {
            try ModelTrainer(options: Self.options(seed: seed))
                .train(task: .hostility, examples: examples, dev: nil, dataFiles: ["train.jsonl"], devSource: "held out")
        }
        let first = try train(7)
        let second = try train(7)
        let other = try train(8)
        #expect(first.weightsDigest == second.weightsDigest)
        #expect(try first.serialized() == second.serialized())
        #expect(first.weightsDigest != other.weightsDigest)
        #expect(first.header.training.devROCAUC > 0.75)
    }

    @Test func holdOutIsStratifiedAndDisjoint() {
        let examples = (0..<1000).map { LabelledText(text: "text \($0)", label: $0 % 4 == 0 ? 1 : 0, source: $0 % 2 == 0 ? "a" : "b") }
        let split = ModelTrainer().holdOut(examples)
        #expect(split.train.count + split.dev.count == 1000)
        #expect(Set(split.train.map(\.text)).isDisjoint(with: split.dev.map(\.text)))
        #expect(split.dev.filter { $0.label == 1 }.count == 25)
        #expect(split.dev.filter { $0.source == "b" }.count == 50)
    }

    @Test func oneClassDataIsRefused() {
        let examples = (0..<50).map { LabelledText(text: "fine \($0)", label: 0) }
        #expect(throws: TrainingError.self) {
            try ModelTrainer(options: Self.options(seed: 1)).train(task: .agent, examples: examples, dev: nil, dataFiles: [], devSource: "")
        }
    }

    @Test func labelledFilesReportTheBadLine() {
        let data = Data("{\"text\": \"ok\", \"label\": 1}\n{\"text\": \"no label\"}\n".utf8)
        #expect(throws: LabelledDataset.ReadError.badLine(path: "<data>", line: 2, reason: "\"label\" must be 0 or 1")) {
            try LabelledDataset.parse(data)
        }
        #expect(throws: LabelledDataset.ReadError.empty(path: "<data>")) { try LabelledDataset.parse(Data("\n\n".utf8)) }
        #expect(throws: LabelledDataset.ReadError.self) { try LabelledDataset.parse(Data("[1,2]\n".utf8)) }
    }

    @Test func anAttacksFormIsReadAndOnlyAnAttackHasOne() throws {
        let read = try LabelledDataset.parse(Data("""
            {"text": "log", "label": 1, "person": "A B", "kind": "attack", "form": "campaign"}
            {"text": "rant", "label": 1, "person": "A B", "kind": "attack", "form": "hostile"}
            {"text": "news", "label": 0, "person": "A B", "kind": "coverage"}

            """.utf8))
        #expect(read.map(\.form) == [.campaign, .hostile, nil])
        let reason = "\"form\" must be hostile or campaign, on an attack"
        #expect(throws: LabelledDataset.ReadError.badLine(path: "<data>", line: 1, reason: reason)) {
            try LabelledDataset.parse(Data("{\"text\": \"x\", \"label\": 0, \"kind\": \"mention\", \"form\": \"campaign\"}\n".utf8))
        }
        #expect(throws: LabelledDataset.ReadError.badLine(path: "<data>", line: 1, reason: reason)) {
            try LabelledDataset.parse(Data("{\"text\": \"x\", \"label\": 1, \"kind\": \"attack\", \"form\": \"angry\"}\n".utf8))
        }
    }
}

@Suite struct SlotScaleTests {
    /// Twenty texts of each class that share one word and differ in another.
    static let examples = (0..<20).flatMap { _ in
        [LabelledText(text: "qqzz shared", label: 1), LabelledText(text: "wwkk shared", label: 0)]
    }

    static func scales(smoothing: Double?, floor: Double = 0) -> (trainer: ModelTrainer, scales: [Float]) {
        var options = TrainingOptions()
        options.features.hashBits = 16
        options.naiveBayesSmoothing = smoothing
        options.naiveBayesFloor = floor
        let trainer = ModelTrainer(options: options)
        let workspace = FeatureWorkspace(configuration: options.features)
        let extractor = FeatureExtractor(configuration: options.features)
        return (trainer, trainer.slotScales(examples, extractor: extractor, workspace: workspace, hashSize: options.features.hashSize))
    }

    static func slots(of text: String, in trainer: ModelTrainer) -> [Int] {
        let workspace = FeatureWorkspace(configuration: trainer.options.features)
        FeatureExtractor(configuration: trainer.options.features).extractOccurrences(text[...], into: workspace)
        return workspace.occurrences.distinctSlots().map(Int.init)
    }

    @Test func withoutSmoothingTheScalesAreInverseDocumentFrequencies() {
        let (trainer, scales) = Self.scales(smoothing: nil)
        let everywhere = Self.slots(of: "shared", in: trainer)
        let half = Self.slots(of: "qqzz", in: trainer)
        #expect(!everywhere.isEmpty && !half.isEmpty)
        for slot in everywhere { #expect(scales[slot] == 1) }
        for slot in half { #expect(abs(Double(scales[slot]) - (log(41.0 / 21.0) + 1)) < 1e-5) }
    }

    @Test func naiveBayesRatiosDropEvenSlotsAndRaiseOneSidedOnes() {
        let (trainer, scales) = Self.scales(smoothing: 1)
        let everywhere = Self.slots(of: "shared", in: trainer)
        let positiveOnly = Self.slots(of: "qqzz", in: trainer)
        let negativeOnly = Self.slots(of: "wwkk", in: trainer)
        // Slots in every text say nothing about the label; one-sided slots are
        // about ln(21) times their idf, whichever side they are on.
        for slot in everywhere { #expect(scales[slot] < 0.1) }
        for slot in positiveOnly + negativeOnly { #expect(scales[slot] > 4) }
    }

    @Test func theFloorKeepsEvenSlotsAtAShareOfTheirIdf() {
        let (trainer, scales) = Self.scales(smoothing: 1, floor: 0.5)
        for slot in Self.slots(of: "shared", in: trainer) { #expect(scales[slot] == 0.5) }
        for slot in Self.slots(of: "qqzz", in: trainer) { #expect(scales[slot] > 4) }
    }
}
