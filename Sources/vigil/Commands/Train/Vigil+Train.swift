import ArgumentParser
import Foundation
import VigilScoring
import VigilStore

extension Vigil {
    /// `vigil train`: fits a model file from labelled JSON Lines. Progress goes to
    /// stderr; the same data, seed and options always write the same file.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a text-scoring model from labelled JSONL.",
            discussion: """
            Each line is {"text": "...", "label": 0|1, "source": "..."}. --data may be repeated.
            --task stance reads lines that also name the "person" and the "kind" (attack, coverage,
            mention) and fits the stance model on the shipped hostility model's readings.
            Without --dev, a seeded stratified 10 % of the training data is the dev split used
            for early stopping, the choice of L2 strength and the Platt calibration.
            """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "hostility, agent or stance.") var task: String
        @Option(help: "Labelled JSON Lines for training (repeatable).") var data: [String]
        @Option(help: "Labelled JSON Lines for the dev split (default: hold out 10 % of --data).") var dev: String?
        @Option(help: "Where to write the model file.") var out: String
        @Option(help: "Random seed for the dev split and the example order.") var seed: UInt64 = TrainingOptions().seed
        @Option(help: "Size of the hashed feature space as a power of two.") var hashBits: Int = FeatureConfiguration.standard.hashBits
        @Option(help: "Comma-separated L2 strengths to try.") var l2: String?
        @Option(help: "Weight of the character n-gram block against the word block.") var charWeight: Double = TrainingOptions().features.charBlockWeight
        @Option(help: "Scale of the standardised stylometric features.") var denseScale: Double = TrainingOptions().features.denseScale
        @Option(help: "Smoothing of the naive-Bayes log-count ratios that scale the hashed slots (0: plain inverse document frequencies).")
        var naiveBayesSmoothing: Double = TrainingOptions().naiveBayesSmoothing ?? 0
        @Option(help: "Most passes over the training data.") var maxEpochs: Int = TrainingOptions().maxEpochs
        @Option(help: "Passes without a better dev log loss before training stops.") var patience: Int = TrainingOptions().patience
        @Flag(help: "Add the findings users labelled (`vigil findings label`) in the configured database to the training data.")
        var withFeedback = false

        func run() async throws {
            if task == "stance" { return try runStance() }
            guard let scoringTask = ScoringTask(rawValue: task) else {
                throw CommandFailure.badInput("--task must be hostility, agent or stance, not '\(task)'")
            }
            guard !data.isEmpty else { throw CommandFailure.badInput("--data FILE.jsonl is required") }
            var examples: [LabelledText] = []
            do {
                for path in data { examples += try LabelledDataset.read(path: path) }
            } catch {
                throw CommandFailure.badInput(error.description)
            }
            if withFeedback {
                let feedback = try Self.feedbackExamples(global: global, task: scoringTask)
                Output.note("vigil train: \(feedback.count) labelled findings from the database")
                examples += feedback
            }
            var devExamples: [LabelledText]?
            if let dev {
                do { devExamples = try LabelledDataset.read(path: dev) } catch { throw CommandFailure.badInput(error.description) }
            }
            var options = TrainingOptions()
            options.seed = seed
            options.features.hashBits = hashBits
            options.features.charBlockWeight = charWeight
            options.features.denseScale = denseScale
            guard naiveBayesSmoothing >= 0, naiveBayesSmoothing.isFinite else {
                throw CommandFailure.badInput("--naive-bayes-smoothing must be 0 or more")
            }
            options.naiveBayesSmoothing = naiveBayesSmoothing > 0 ? naiveBayesSmoothing : nil
            guard maxEpochs >= 1, patience >= 1 else { throw CommandFailure.badInput("--max-epochs and --patience must be at least 1") }
            options.maxEpochs = maxEpochs
            options.patience = patience
            do { try options.features.validate() } catch { throw CommandFailure.badInput("--hash-bits must be between 10 and 24") }
            if let l2 {
                let values = l2.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                guard !values.isEmpty, values.count == l2.split(separator: ",").count, values.allSatisfy({ $0 > 0 }) else {
                    throw CommandFailure.badInput("--l2 must be positive numbers separated by commas")
                }
                options.l2Candidates = values
            }
            let trainer = ModelTrainer(options: options)
            let started = Date()
            let model: TextModel
            do {
                model = try trainer.train(
                    task: scoringTask, examples: examples, dev: devExamples,
                    dataFiles: data.map(Self.shortName) + (withFeedback ? ["feedback"] : []),
                    devSource: dev.map(Self.shortName) ?? "held out \(Int(options.devFraction * 100)) % of the training data (seed \(seed))",
                    log: { Output.note("vigil train: \($0)") }
                )
            } catch let error as TrainingError {
                throw CommandFailure.badInput(error.description)
            }
            do {
                try model.write(to: out)
            } catch {
                throw CommandFailure.runtime("cannot write \(out): \((error as NSError).localizedDescription)")
            }
            let seconds = Date().timeIntervalSince(started)
            let summary = model.header.training
            print(String(
                format: "wrote %@: %@ model, %d train / %d dev texts, l2 %.0e, %d epochs, dev ROC AUC %.4f, threshold %.3f, weights %@, %.1f s",
                out, scoringTask.rawValue, summary.trainExamples, summary.devExamples, summary.l2, summary.epochs,
                summary.devROCAUC, model.header.threshold, model.weightsDigest, seconds
            ))
        }

        /// The file's folder and name ("hostility/train.jsonl"): enough to say what trained
        /// a model without writing the trainer's directory layout into the shipped file.
        static func shortName(_ path: String) -> String {
            URL(fileURLWithPath: path).pathComponents.suffix(2).joined(separator: "/")
        }

        /// Labelled findings for `task` as training texts (title and text, as
        /// they were scored), from the database read-only. Labels of the other
        /// task are left out: "benign" says nothing about who wrote a text.
        static func feedbackExamples(global: GlobalOptions, task: ScoringTask) throws -> [LabelledText] {
            try CommandContext.requireExistingDatabase(global)
            let config = try CommandContext.loadConfig(global)
            guard let path = global.db ?? config?.databasePath, let store = try Store.openReadOnlyIfPresent(at: path) else {
                throw CommandFailure.badInput("--with-feedback needs a database (give --config or --db)")
            }
            let wanted: LabelledFindingText.Task = task == .hostility ? .hostility : .agent
            return try store.labelledFindingTexts()
                .filter { $0.task == wanted }
                .map { LabelledText(text: $0.text, label: $0.isPositive ? 1 : 0, source: "feedback") }
        }
    }
}
