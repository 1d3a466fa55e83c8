import Foundation
import VigilScoring

extension TrainCommand {
    /// `vigil train --task stance`: trains the stance reading's two files from lines
    /// that name a `person` and a `kind`, on the shipped hostility and agent models'
    /// readings: the stance model at `--out` (JSON) and its text model beside it,
    /// with the extension `.vgm`.
    func runStance() throws {
        var examples: [LabelledText] = []
        do {
            for path in data { examples += try LabelledDataset.read(path: path) }
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        // Lines without a person and a kind (the long-form set's single sentences) say
        // nothing about a stance toward someone and are left out.
        let usable = examples.filter { !($0.person ?? "").isEmpty && $0.kind != nil }
        guard !usable.isEmpty else {
            throw CommandFailure.badInput("--task stance needs lines with a \"person\" and a \"kind\" (attack, coverage or mention)")
        }
        if usable.count < examples.count {
            FileHandle.standardError.write(Data("vigil train: \(examples.count - usable.count) lines without a person and a kind left out\n".utf8))
        }
        let scorer: TextScorer
        do {
            scorer = try TextScorer(hostility: TextModel.shipped(.hostility), agent: TextModel.shipped(.agent))
        } catch {
            throw CommandFailure.runtime(error.description)
        }
        let textOut = URL(fileURLWithPath: out).deletingPathExtension().appendingPathExtension("vgm").path
        guard textOut != out else { throw CommandFailure.badInput("--out for --task stance must end in .json") }
        let started = Date()
        let trained: (stance: StanceModel, text: TextModel)
        do {
            trained = try StanceTraining(seed: seed).train(
                usable, scorer: scorer, dataFiles: data.map(Self.shortName),
                log: { FileHandle.standardError.write(Data("vigil train: \($0)\n".utf8)) })
        } catch let error as TrainingError {
            throw CommandFailure.badInput(error.description)
        }
        do {
            try trained.text.write(to: textOut)
            try trained.stance.write(to: out)
        } catch {
            throw CommandFailure.runtime("cannot write \(out): \((error as NSError).localizedDescription)")
        }
        print(String(
            format: "wrote %@ and %@: stance model, %d texts, l2 %.0e, held-out log loss %.4f; text model weights %@, %.1f s",
            out, textOut, trained.stance.training.examples, trained.stance.training.l2,
            trained.stance.training.heldOutLogLoss, trained.text.weightsDigest, Date().timeIntervalSince(started)))
    }
}
