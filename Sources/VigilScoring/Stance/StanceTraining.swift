import Foundation
import VigilText

/// Trains the two parts of the stance reading together: the n-gram text model of
/// the author's own words (`stance.vgm`) and the stance model over the named
/// signals (`stance.json`), which takes the text model's output as one of them.
///
/// The stance model must learn how far to trust its inputs on writing no model
/// has seen, as at scoring time, so none of its inputs may come from a model that
/// was trained on the same text:
/// - the text model's reading of each example comes from a text model trained
///   without the example's whole source (genre): cross-fitting by group, because
///   texts of one genre share their frames, and a model that has seen the frames
///   reads them more surely than it will read real posts;
/// - examples the shipped hostility model was trained on (marked in
///   `seenByHostility`) train the text model only: their hostility readings would
///   be too sure.
/// The text model shipped is then trained on all the examples.
public struct StanceTraining: Sendable {
    public var seed: UInt64

    public init(seed: UInt64 = 7) {
        self.seed = seed
    }

    /// `examples` carry a `person` and a `kind`; `scorer` has the hostility and agent
    /// models the stance model will be used with (its own stance models are ignored).
    public func train(
        _ examples: [LabelledText], dev: [LabelledText] = [], scorer: TextScorer, dataFiles: [String],
        seenByHostility: [Bool] = [], log: (String) -> Void = { _ in }
    ) throws -> (stance: StanceModel, text: TextModel) {
        let reader = try TextScorer(hostility: scorer.hostilityModel, agent: scorer.agentModel, policy: scorer.policy)
        let workspace = reader.makeWorkspace()
        var usable: [(features: StanceFeatures?, kind: FindingKind, voice: LabelledText)] = []
        var unmatched = 0
        var matchers: [String: MentionMatcher] = [:]
        for (index, example) in examples.enumerated() {
            guard let person = example.person, let kind = example.kind else { continue }
            let voice = LabelledText(
                text: reader.authorVoice(of: example.text), label: kind == .attack ? 1 : 0, source: example.source)
            if index < seenByHostility.count, seenByHostility[index] {
                usable.append((nil, kind, voice))
                continue
            }
            let matcher = matchers[person] ?? MentionMatcher(people: [WatchedPerson(name: person)])
            matchers[person] = matcher
            let score = reader.score(example.text, matcher: matcher, workspace: workspace)
            guard let features = score.attacks.first(where: { $0.person == person })?.stanceFeatures else {
                unmatched += 1
                continue
            }
            usable.append((features, kind, voice))
        }
        if unmatched > 0 { log("\(unmatched) texts do not name their person and were left out") }
        let textOnly = usable.filter { $0.features == nil }.count
        if textOnly > 0 { log("\(textOnly) texts the hostility model was trained on train the text model only") }

        var options = TrainingOptions()
        options.seed = seed
        let textTrainer = ModelTrainer(options: options)
        let stanceSources = Array(Set(usable.filter { $0.features != nil }.map(\.voice.source))).sorted()
        var crossFitted: [StanceTrainer.Example] = []
        for source in stanceSources {
            let training = usable.filter { $0.voice.source != source }.map(\.voice)
            let model = try textTrainer.train(task: .stance, examples: training, dev: nil, dataFiles: [], devSource: "fold")
            let textWorkspace = model.makeWorkspace()
            for example in usable where example.voice.source == source {
                guard var features = example.features else { continue }
                let voice = example.voice.text
                let probability = voice.isEmpty ? 0.5 : model.probability(of: voice[...], workspace: textWorkspace)
                features.values[0] = StanceFeatures.logit(probability)
                crossFitted.append(StanceTrainer.Example(features: features, kind: example.kind))
            }
            log("text model without \(source): trained on \(training.count) texts")
        }
        let textModel = try textTrainer.train(
            task: .stance, examples: usable.map(\.voice), dev: nil, dataFiles: dataFiles,
            devSource: "held out \(Int(options.devFraction * 100)) % of the training data (seed \(seed))")
        log("text model: dev ROC AUC \(String(format: "%.4f", textModel.header.training.devROCAUC))")
        // Dev texts are read as at scoring time, by the text model trained on everything.
        let devReader = try TextScorer(
            hostility: scorer.hostilityModel, agent: scorer.agentModel, stanceText: textModel, policy: scorer.policy)
        let devWorkspace = devReader.makeWorkspace()
        var devExamples: [StanceTrainer.Example] = []
        for example in dev {
            guard let person = example.person, let kind = example.kind else { continue }
            let matcher = matchers[person] ?? MentionMatcher(people: [WatchedPerson(name: person)])
            matchers[person] = matcher
            let score = devReader.score(example.text, matcher: matcher, workspace: devWorkspace)
            if let features = score.attacks.first(where: { $0.person == person })?.stanceFeatures {
                devExamples.append(StanceTrainer.Example(features: features, kind: kind))
            }
        }
        let stance = try StanceTrainer(seed: seed).train(
            crossFitted, dev: devExamples.isEmpty ? nil : devExamples, hostilityWeights: scorer.hostilityModel.weightsDigest, textModelWeights: textModel.weightsDigest,
            dataFiles: dataFiles, log: log)
        return (stance, textModel)
    }
}
