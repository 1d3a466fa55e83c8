import Foundation
import VigilAssessment
import VigilScoring

extension Vigil.Eval {
    /// What `vigil eval --task attack` reports when the data says what each text does
    /// to its person: the confusion matrix of the kind, how the attack score ranks
    /// attacks above coverage and above mentions, and the severities of each kind and
    /// of each source.
    struct KindFigures {
        private(set) var confusion: [FindingKind: [FindingKind: Int]] = [:]
        private(set) var severities: [FindingKind: [Severity: Int]] = [:]
        private(set) var bySource: [String: [Severity: Int]] = [:]
        private(set) var sourceKind: [String: FindingKind] = [:]
        private var attack: [(kind: FindingKind, score: Double, agent: Double)] = []

        var isEmpty: Bool { attack.isEmpty }

        mutating func add(expected: FindingKind, found: FindingKind, severity: Severity, attack score: Double, agent: Double, source: String) {
            confusion[expected, default: [:]][found, default: 0] += 1
            severities[expected, default: [:]][severity, default: 0] += 1
            bySource[source, default: [:]][severity, default: 0] += 1
            sourceKind[source] = expected
            attack.append((expected, score, agent))
        }

        /// ROC AUC of the attack score for attacks against texts of `other`.
        func rocAUC(against other: FindingKind) -> Double {
            let chosen = attack.filter { $0.kind == .attack || $0.kind == other }
            return EvaluationFigures.rocAUC(scores: chosen.map(\.score), labels: chosen.map { $0.kind == .attack ? 1 : 0 })
        }

        /// Texts of `kind` at medium severity or above.
        func alarming(_ kind: FindingKind) -> (count: Int, of: Int) {
            let counts = severities[kind] ?? [:]
            return ((counts[.medium] ?? 0) + (counts[.high] ?? 0), counts.values.reduce(0, +))
        }

        func meanAgent(_ kind: FindingKind) -> Double {
            let chosen = attack.filter { $0.kind == kind }.map(\.agent)
            return chosen.isEmpty ? .nan : chosen.reduce(0, +) / Double(chosen.count)
        }

        var report: String {
            var lines: [String] = []
            lines.append(String(format: "attack score ROC AUC: attack vs coverage %.4f, attack vs mention %.4f",
                                rocAUC(against: .coverage), rocAUC(against: .mention)))
            lines.append("kind confusion (rows: expected, columns: found)")
            lines.append("expected".padding(toLength: 10, withPad: " ", startingAt: 0)
                + FindingKind.allCases.map { $0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
            for expected in FindingKind.allCases {
                lines.append(expected.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                    + FindingKind.allCases.map { String(confusion[expected]?[$0] ?? 0).padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
            }
            for kind in FindingKind.allCases where severities[kind] != nil {
                let (count, of) = alarming(kind)
                let counts = Severity.allCases.map { "\($0.rawValue) \(severities[kind]?[$0] ?? 0)" }.joined(separator: ", ")
                lines.append(String(format: "%@: %d of %d at medium or above (%@); mean agent %.3f", kind.rawValue, count, of, counts, meanAgent(kind)))
            }
            for source in bySource.keys.sorted() {
                let counts = Severity.allCases.map { "\($0.rawValue) \(bySource[source]?[$0] ?? 0)" }.joined(separator: ", ")
                lines.append("  \(source) (\(sourceKind[source]?.rawValue ?? "")): \(counts)")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        var dictionary: [String: Any] {
            func number(_ value: Double) -> Any { value.isNaN ? NSNull() : value }
            return [
                "roc_auc_attack_vs_coverage": number(rocAUC(against: .coverage)),
                "roc_auc_attack_vs_mention": number(rocAUC(against: .mention)),
                "confusion": Dictionary(uniqueKeysWithValues: confusion.map { expected, row in
                    (expected.rawValue, Dictionary(uniqueKeysWithValues: row.map { ($0.key.rawValue, $0.value) }))
                }),
                "medium_or_above": Dictionary(uniqueKeysWithValues: FindingKind.allCases.filter { severities[$0] != nil }.map {
                    ($0.rawValue, ["count": alarming($0).count, "of": alarming($0).of])
                }),
                "mean_agent": Dictionary(uniqueKeysWithValues: FindingKind.allCases.filter { severities[$0] != nil }.map {
                    ($0.rawValue, number(meanAgent($0)))
                }),
                "severities_by_source": Dictionary(uniqueKeysWithValues: bySource.map { source, counts in
                    (source, Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }))
                }),
            ]
        }
    }
}
