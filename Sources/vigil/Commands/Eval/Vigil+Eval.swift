import ArgumentParser
import Foundation
import VigilAssessment
import VigilScoring
import VigilText

extension Vigil {
    /// `vigil eval`: scores labelled JSON Lines with a model and prints the figures
    /// the project reports, overall and per `source`.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a model on labelled JSONL.",
            discussion: """
            --task attack evaluates the targeted attack score of the shipped models on JSONL whose
            lines also name the watched "person"; it prints the attack score next to the document
            hostility, and the severities given to label-0 texts.
            """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "hostility, agent or attack.") var task: String
        @Option(help: "Labelled JSON Lines.") var data: String
        @Option(help: "A model file (default: the shipped one).") var model: String?
        @Option(help: "Decision threshold for F1 (default: the model's own).") var threshold: Double?
        @Option(help: "With --task attack: a stance model file (default: the shipped one).") var stanceModel: String?
        @Option(help: "With --task attack: write one JSON line per text (scores, kind, stance features) to this file.")
        var details: String?
        @Flag(help: "Print the figures as one JSON object.") var json = false

        func run() async throws {
            if task == "attack" { return try runAttack() }
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

        /// The attack score of each text's `person` against its label, beside document hostility.
        func runAttack() throws {
            let examples: [LabelledText]
            do { examples = try LabelledDataset.read(path: data) } catch { throw CommandFailure.badInput(error.description) }
            guard examples.allSatisfy({ !($0.person ?? "").isEmpty }) else {
                throw CommandFailure.badInput("--task attack needs a \"person\" on every line of \(data)")
            }
            let scorer: TextScorer
            do {
                scorer = try TextScorer(
                    hostility: model.map { try TextModel(path: $0) } ?? TextModel.shipped(.hostility),
                    agent: TextModel.shipped(.agent),
                    stance: stanceModel.map { try StanceModel(path: $0) } ?? StanceModel.shipped())
            } catch {
                throw CommandFailure.badInput(String(describing: error))
            }
            let workspace = scorer.makeWorkspace()
            var attack: [Double] = []
            var hostility: [Double] = []
            var severities: [Int: [Severity: Int]] = [:]
            var kinds = KindFigures()
            var detailLines: [String] = []
            var matchers: [String: MentionMatcher] = [:]
            for example in examples {
                let person = example.person!
                let matcher = matchers[person] ?? MentionMatcher(people: [WatchedPerson(name: person)])
                matchers[person] = matcher
                let score = scorer.score(example.text, matcher: matcher, workspace: workspace)
                let personAttack = score.attacks.first { $0.person == person }
                attack.append(personAttack?.score ?? 0)
                hostility.append(score.hostility)
                severities[example.label, default: [:]][personAttack?.severity ?? .none, default: 0] += 1
                if details != nil {
                    var line: [String: Any] = [
                        "person": person, "label": example.label, "source": example.source,
                        "attack": personAttack?.score ?? 0, "kind": (personAttack?.kind ?? .mention).rawValue,
                        "severity": (personAttack?.severity ?? .none).rawValue, "agent": score.agent,
                        "targeted": personAttack?.targetedHostility ?? 0,
                    ]
                    if let expected = example.kind { line["expected"] = expected.rawValue }
                    if let features = personAttack?.stanceFeatures {
                        line["features"] = Dictionary(uniqueKeysWithValues: zip(StanceFeatures.names, features.values).map { ($0, $1) })
                    }
                    let encoded = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
                    detailLines.append(String(decoding: encoded, as: UTF8.self))
                }
                if let expected = example.kind {
                    kinds.add(expected: expected, found: personAttack?.kind ?? .mention, severity: personAttack?.severity ?? .none,
                              attack: personAttack?.score ?? 0, agent: score.agent, source: example.source)
                }
            }
            if let details {
                do {
                    try Data((detailLines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: details))
                } catch {
                    throw CommandFailure.runtime("cannot write \(details): \((error as NSError).localizedDescription)")
                }
            }
            let labels = examples.map(\.label)
            let cut = threshold ?? scorer.policy.mediumThreshold
            let attackFigures = EvaluationFigures(scores: attack, labels: labels, threshold: cut)
            let hostilityFigures = EvaluationFigures(scores: hostility, labels: labels, threshold: scorer.hostilityModel.header.threshold)
            func mean(_ values: [Double], label: Int) -> Double {
                let chosen = zip(values, labels).filter { $0.1 == label }.map(\.0)
                return chosen.isEmpty ? .nan : chosen.reduce(0, +) / Double(chosen.count)
            }
            if json {
                var object: [String: Any] = ["task": "attack", "data": data]
                object["attack"] = Self.dictionary(attackFigures)
                object["document_hostility"] = Self.dictionary(hostilityFigures)
                object["mean_attack"] = ["label_1": mean(attack, label: 1), "label_0": mean(attack, label: 0)]
                object["severities"] = Dictionary(uniqueKeysWithValues: severities.map { label, counts in
                    ("label_\(label)", Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }))
                })
                if !kinds.isEmpty { object["kinds"] = kinds.dictionary }
                let encoded = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: encoded, as: UTF8.self))
                return
            }
            print("attack score on \(data) (F1 at the medium threshold \(String(format: "%.2f", cut)))")
            print(Self.row("", "n", "pos", "ROC AUC", "PR AUC", "F1", "TPR@1%FPR", "ECE"))
            print(Self.figuresRow("attack(person)", attackFigures))
            print(Self.figuresRow("document hostility", hostilityFigures))
            print(String(format: "mean attack score: label 1 %.3f, label 0 %.3f; mean document hostility: label 1 %.3f, label 0 %.3f",
                         mean(attack, label: 1), mean(attack, label: 0), mean(hostility, label: 1), mean(hostility, label: 0)))
            for label in severities.keys.sorted() {
                let counts = Severity.allCases.map { "\($0.rawValue) \(severities[label]?[$0] ?? 0)" }.joined(separator: ", ")
                print("severities of label \(label): \(counts)")
            }
            if !kinds.isEmpty { print(kinds.report, terminator: "") }
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
}
