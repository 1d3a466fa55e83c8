import Foundation
import VigilText

/// Trains the stance model (`stance.json`) from texts that name a person and say
/// what the text does to them, read by the hostility and agent models it will be
/// used with.
///
/// The stance model must learn how far to trust the hostility readings on writing
/// no model has seen, as at scoring time; texts the hostility model was trained on
/// (marked in `seenByHostility`) would teach it to trust them too far, and are left
/// out. The L2 strength is chosen on `dev`, texts written apart from the training
/// pool, when given.
public struct StanceTraining: Sendable {
    public var seed: UInt64

    public init(seed: UInt64 = 7) {
        self.seed = seed
    }

    /// `examples` and `dev` carry a `person` and a `kind`. With an `encoder`, the
    /// model gets a passage reading (`PassageReading`) fitted on `examples`, its L2
    /// strength chosen on `dev`; the training texts' reading signals come from a
    /// reading fitted on `dev` (without a dev pool, out of fold).
    public func train(
        _ examples: [LabelledText], dev: [LabelledText] = [], scorer: TextScorer, encoder: SentenceEncoder? = nil,
        dataFiles: [String], seenByHostility: [Bool] = [], log: (String) -> Void = { _ in }
    ) throws -> StanceModel {
        let reader = try TextScorer(hostility: scorer.hostilityModel, agent: scorer.agentModel, policy: scorer.policy)
        let workspace = reader.makeWorkspace()
        var matchers: [String: MentionMatcher] = [:]
        func read(_ texts: [LabelledText], skipping skipped: [Bool]) -> [(StanceTrainer.Example, [Float])] {
            var read: [(StanceTrainer.Example, [Float])] = []
            var unmatched = 0
            for (index, example) in texts.enumerated() {
                guard let person = example.person, let kind = example.kind else { continue }
                if index < skipped.count, skipped[index] { continue }
                let matcher = matchers[person] ?? MentionMatcher(people: [WatchedPerson(name: person)])
                matchers[person] = matcher
                let score = reader.score(example.text, matcher: matcher, workspace: workspace)
                guard let attack = score.attacks.first(where: { $0.person == person }), let features = attack.stanceFeatures else {
                    unmatched += 1
                    continue
                }
                let passage = encoder.map {
                    reader.passageFeatures(attributed: attack.sentences, sentences: score.sentences, encoder: $0)
                } ?? []
                read.append((StanceTrainer.Example(features: features, kind: kind, form: example.form), passage))
            }
            if unmatched > 0 { log("\(unmatched) texts do not name their person and were left out") }
            return read
        }
        let skipped = seenByHostility.filter { $0 }.count
        if skipped > 0 { log("\(skipped) texts the hostility model was trained on left out") }
        var training = read(examples, skipping: seenByHostility)
        var devExamples = read(dev, skipping: [])
        var passageReading: PassageReading?
        if let encoder {
            let trainer = PassageReadingTrainer(seed: seed)
            func passages(_ read: [(StanceTrainer.Example, [Float])]) -> [PassageReadingTrainer.Example] {
                read.map { PassageReadingTrainer.Example(features: $0.1, kind: $0.0.kind, form: $0.0.form) }
            }
            let passageTraining = passages(training)
            let passageDev = passages(devExamples)
            var chosen = PassageReadingTrainer.l2Candidates[0]
            if !passageDev.isEmpty {
                var best = Double.infinity
                for l2 in PassageReadingTrainer.l2Candidates {
                    let loss = trainer.logLoss(trainer.fit(passageTraining, l2: l2, encoderSource: ""), passageDev)
                    log(String(format: "passage reading l2 %.0e: dev log loss %.4f", l2, loss))
                    if loss < best { (best, chosen) = (loss, l2) }
                }
            }
            let reading = trainer.fit(passageTraining, l2: chosen, encoderSource: encoder.sourceDigest)
            // The stance model learns how far to trust the reading from its logits on
            // the training texts. A reading's logits on texts of its own pool are too
            // sure of themselves, even out of fold: the folds share the pool's
            // phrasing. With a dev pool, written apart, each pool's texts get the
            // logits of a reading fitted on the other pool, as a real post gets those
            // of a reading that never saw its phrasing.
            let trainingLogits: [(attack: Double, coverage: Double)]
            if passageDev.isEmpty {
                trainingLogits = trainer.outOfFold(passageTraining, l2: chosen)
            } else {
                let other = trainer.fit(passageDev, l2: chosen, encoderSource: "")
                trainingLogits = passageTraining.map { other.logits($0.features) }
            }
            for (index, logits) in trainingLogits.enumerated() { training[index].0.features.reading = logits }
            for index in devExamples.indices { devExamples[index].0.features.reading = reading.logits(devExamples[index].1) }
            passageReading = reading
        }
        var model = try StanceTrainer(seed: seed).train(
            training.map(\.0), dev: devExamples.isEmpty ? nil : devExamples.map(\.0),
            hostilityWeights: scorer.hostilityModel.weightsDigest, dataFiles: dataFiles, log: log)
        model.passageReading = passageReading
        return model
    }
}
