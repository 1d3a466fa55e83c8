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
}
