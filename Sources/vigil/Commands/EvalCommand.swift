import ArgumentParser
import Foundation
import VigilScoring

/// `vigil eval`: scores labelled JSON Lines with a model and prints the figures
/// the project reports, overall and per `source`.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model on labelled JSONL."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "hostility or agent.") var task: String
    @Option(help: "Labelled JSON Lines.") var data: String
    @Option(help: "A model file (default: the shipped one).") var model: String?
    @Option(help: "Decision threshold for F1 (default: the model's own).") var threshold: Double?
    @Flag(help: "Print the figures as one JSON object.") var json = false

    func run() async throws {
        guard let scoringTask = ScoringTask(rawValue: task) else {
            throw CommandFailure.badInput("--task must be hostility or agent, not '\(task)'")
        }
        let textModel: TextModel
        do {
            textModel = try model.map { try TextModel(path: $0) } ?? TextModel.shipped(scoringTask)
        } catch {
            throw CommandFailure.badInput(String(describing: error))
        }
        guard textModel.task == scoringTask else {
            throw CommandFailure.badInput("the model is a \(textModel.task.rawValue) model, not \(scoringTask.rawValue)")
        }
        if let threshold, !(0...1).contains(threshold) {
            throw CommandFailure.badInput("--threshold must be between 0 and 1")
        }
        let examples: [LabelledText]
        do { examples = try LabelledDataset.read(path: data) } catch { throw CommandFailure.badInput(error.description) }

        let workspace = textModel.makeWorkspace()
        let scores = examples.map { textModel.probability(of: $0.text[...], workspace: workspace) }
        let cut = threshold ?? textModel.header.threshold
        let overall = EvaluationFigures(scores: scores, labels: examples.map(\.label), threshold: cut)
        var bySource: [(String, EvaluationFigures)] = []
        for source in Set(examples.map(\.source)).sorted() {
            let indices = examples.indices.filter { examples[$0].source == source }
            bySource.append((source, EvaluationFigures(
                scores: indices.map { scores[$0] }, labels: indices.map { examples[$0].label }, threshold: cut)))
        }
        if json {
            var object: [String: Any] = ["task": scoringTask.rawValue, "data": data, "overall": Self.dictionary(overall)]
            object["sources"] = Dictionary(uniqueKeysWithValues: bySource.map { ($0.0, Self.dictionary($0.1)) })
            let encoded = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: encoded, as: UTF8.self))
            return
        }
        print("\(scoringTask.rawValue) model on \(data) (threshold \(String(format: "%.3f", cut)))")
        print(Self.row("", "n", "pos", "ROC AUC", "PR AUC", "F1", "TPR@1%FPR", "ECE"))
        print(Self.figuresRow("all", overall))
        for (source, figures) in bySource { print(Self.figuresRow(source, figures)) }
    }

    static func format(_ value: Double) -> String {
        value.isNaN ? "-" : String(format: "%.4f", value)
    }

    static func row(_ columns: String...) -> String {
        let widths = [22, 6, 6, 8, 8, 8, 10, 8]
        return zip(columns, widths).enumerated().map { index, pair in
            index == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, pair.1 - pair.0.count)) + pair.0
        }.joined(separator: " ")
    }

    static func figuresRow(_ name: String, _ figures: EvaluationFigures) -> String {
        row(name, "\(figures.count)", "\(figures.positives)", format(figures.rocAUC), format(figures.prAUC),
            format(figures.f1), format(figures.tprAtOnePercentFPR), format(figures.expectedCalibrationError))
    }

    static func dictionary(_ figures: EvaluationFigures) -> [String: Any] {
        func number(_ value: Double) -> Any { value.isNaN ? NSNull() : value }
        return [
            "n": figures.count, "positives": figures.positives, "roc_auc": number(figures.rocAUC),
            "pr_auc": number(figures.prAUC), "f1": figures.f1, "precision": figures.precision,
            "recall": figures.recall, "threshold": figures.threshold,
            "tpr_at_1pct_fpr": number(figures.tprAtOnePercentFPR), "ece": number(figures.expectedCalibrationError),
        ]
    }
}
