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

    /// `examples` and `dev` carry a `person` and a `kind`.
    public func train(
        _ examples: [LabelledText], dev: [LabelledText] = [], scorer: TextScorer, dataFiles: [String],
        seenByHostility: [Bool] = [], log: (String) -> Void = { _ in }
    ) throws -> StanceModel {
        let reader = try TextScorer(hostility: scorer.hostilityModel, agent: scorer.agentModel, policy: scorer.policy)
        let workspace = reader.makeWorkspace()
        var matchers: [String: MentionMatcher] = [:]
        func read(_ texts: [LabelledText], skipping skipped: [Bool]) -> [StanceTrainer.Example] {
            var read: [StanceTrainer.Example] = []
            var unmatched = 0
            for (index, example) in texts.enumerated() {
                guard let person = example.person, let kind = example.kind else { continue }
                if index < skipped.count, skipped[index] { continue }
                let matcher = matchers[person] ?? MentionMatcher(people: [WatchedPerson(name: person)])
                matchers[person] = matcher
                let score = reader.score(example.text, matcher: matcher, workspace: workspace)
                guard let features = score.attacks.first(where: { $0.person == person })?.stanceFeatures else {
                    unmatched += 1
                    continue
                }
                read.append(StanceTrainer.Example(features: features, kind: kind))
            }
            if unmatched > 0 { log("\(unmatched) texts do not name their person and were left out") }
            return read
        }
        let skipped = seenByHostility.filter { $0 }.count
        if skipped > 0 { log("\(skipped) texts the hostility model was trained on left out") }
        let training = read(examples, skipping: seenByHostility)
        let devExamples = read(dev, skipping: [])
        return try StanceTrainer(seed: seed).train(
            training, dev: devExamples.isEmpty ? nil : devExamples,
            hostilityWeights: scorer.hostilityModel.weightsDigest, dataFiles: dataFiles, log: log)
    }
}
