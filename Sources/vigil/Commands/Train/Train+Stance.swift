import Foundation
import VigilScoring

extension Vigil.Train {
    /// `vigil train --task stance`: trains the stance model (JSON) from lines that
    /// name a `person` and a `kind`, on the shipped hostility and agent models'
    /// readings and the shipped sentence encoder's. Lines of a file the shipped hostility model was trained on are left
    /// out (`StanceTraining` says why).
    func runStance() throws {
        let scorer: TextScorer
        let encoder: SentenceEncoder
        do {
            scorer = try TextScorer(hostility: TextModel.shipped(.hostility), agent: TextModel.shipped(.agent))
            encoder = try SentenceEncoder.shipped()
        } catch {
            throw CommandFailure.runtime(error.description)
        }
        let seenFiles = Set(scorer.hostilityModel.header.training.dataFiles)
        var examples: [LabelledText] = []
        var seen: [Bool] = []
        var skipped = 0
        for path in data {
            let lines: [LabelledText]
            do { lines = try LabelledDataset.read(path: path) } catch { throw CommandFailure.badInput(error.description) }
            let name = Self.shortName(path)
            // Lines without a person and a kind (the long-form set's single sentences)
            // say nothing about a stance toward someone.
            let usable = lines.filter { !($0.person ?? "").isEmpty && $0.kind != nil }
            skipped += lines.count - usable.count
            examples += usable
            seen += Array(repeating: seenFiles.contains(name), count: usable.count)
        }
        guard !examples.isEmpty else {
            throw CommandFailure.badInput("--task stance needs lines with a \"person\" and a \"kind\" (attack, coverage or mention)")
        }
        if skipped > 0 {
            Output.note("vigil train: \(skipped) lines without a person and a kind left out")
        }
        let started = Date()
        let trained: StanceModel
        do {
            var devExamples: [LabelledText] = []
            if let dev {
                do { devExamples = try LabelledDataset.read(path: dev) } catch { throw CommandFailure.badInput(error.description) }
            }
            trained = try StanceTraining(seed: seed).train(
                examples, dev: devExamples, scorer: scorer, encoder: encoder, dataFiles: data.map(Self.shortName), seenByHostility: seen,
                log: { Output.note("vigil train: \($0)") })
        } catch let error as TrainingError {
            throw CommandFailure.badInput(error.description)
        }
        do {
            try trained.write(to: out)
        } catch {
            throw CommandFailure.runtime("cannot write \(out): \((error as NSError).localizedDescription)")
        }
        print(String(
            format: "wrote %@: stance model, %d texts, l2 %.0e, %@ log loss %.4f, weights %@, %.1f s",
            out, trained.training.examples, trained.training.l2, dev == nil ? "held-out" : "dev",
            trained.training.heldOutLogLoss, trained.digest, Date().timeIntervalSince(started)))
    }
}
