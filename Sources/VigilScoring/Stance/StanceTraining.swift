import Foundation
import VigilText

/// Trains the two parts of the stance reading together: the n-gram text model of
/// the author's own words (`stance.vgm`) and the stance model over the named
/// signals (`stance.json`), which takes the text model's output as one of them.
///
/// The stance model must learn how far to trust the text model on texts the text
/// model has not seen, as at scoring time; so its training input comes from
/// cross-fitting: each fold's texts are read by a text model trained on the other
/// folds. The text model shipped is then trained on all the data.
public struct StanceTraining: Sendable {
    public var seed: UInt64
    public var folds: Int

    public init(seed: UInt64 = 7, folds: Int = 5) {
        self.seed = seed
        self.folds = folds
    }

    /// `examples` carry a `person` and a `kind`; `scorer` has the hostility and agent
    /// models the stance model will be used with (its own stance models are ignored).
    public func train(
        _ examples: [LabelledText], scorer: TextScorer, dataFiles: [String], log: (String) -> Void = { _ in }
    ) throws -> (stance: StanceModel, text: TextModel) {
        let reader = try TextScorer(hostility: scorer.hostilityModel, agent: scorer.agentModel, policy: scorer.policy)
        let workspace = reader.makeWorkspace()
        var usable: [(features: StanceFeatures, kind: FindingKind, voice: LabelledText)] = []
        var unmatched = 0
        var matchers: [String: MentionMatcher] = [:]
        for example in examples {
            guard let person = example.person, let kind = example.kind else { continue }
            let matcher = matchers[person] ?? MentionMatcher(people: [WatchedPerson(name: person)])
            matchers[person] = matcher
            let score = reader.score(example.text, matcher: matcher, workspace: workspace)
            guard let features = score.attacks.first(where: { $0.person == person })?.stanceFeatures else {
                unmatched += 1
                continue
            }
            let voice = LabelledText(
                text: reader.authorVoice(of: example.text), label: kind == .attack ? 1 : 0, source: example.source)
            usable.append((features, kind, voice))
        }
        if unmatched > 0 { log("\(unmatched) texts do not name their person and were left out") }

        var options = TrainingOptions()
        options.seed = seed
        let textTrainer = ModelTrainer(options: options)
        // One fold per source (genre): a text model never sees the kind of text it reads
        // for the stance model, so the stance model learns to trust it as far as it
        // carries over to writing it has not seen, not as far as it remembers templates.
        let sources = Array(Set(usable.map(\.voice.source))).sorted()
        let fold = usable.map { sources.firstIndex(of: $0.voice.source)! }
        let folds = sources.count
        var crossFitted = usable.map(\.features)
        for k in 0..<folds {
            let training = usable.indices.filter { fold[$0] != k }.map { usable[$0].voice }
            let model = try textTrainer.train(
                task: .stance, examples: training, dev: nil, dataFiles: [], devSource: "fold")
            let textWorkspace = model.makeWorkspace()
            for index in usable.indices where fold[index] == k {
                let voice = usable[index].voice.text
                let probability = voice.isEmpty ? 0.5 : model.probability(of: voice[...], workspace: textWorkspace)
                crossFitted[index].values[0] = StanceFeatures.logit(probability)
            }
            log("fold \(k + 1) of \(folds): text model trained on \(training.count) texts")
        }
        let textModel = try textTrainer.train(
            task: .stance, examples: usable.map(\.voice), dev: nil, dataFiles: dataFiles,
            devSource: "held out \(Int(options.devFraction * 100)) % of the training data (seed \(seed))")
        log("text model: dev ROC AUC \(String(format: "%.4f", textModel.header.training.devROCAUC))")
        let stance = try StanceTrainer(seed: seed).train(
            zip(crossFitted, usable).map { StanceTrainer.Example(features: $0, kind: $1.kind) },
            hostilityWeights: scorer.hostilityModel.weightsDigest, textModelWeights: textModel.weightsDigest,
            dataFiles: dataFiles, log: log)
        return (stance, textModel)
    }
}
