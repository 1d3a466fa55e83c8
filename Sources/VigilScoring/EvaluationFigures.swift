/// The figures `vigil eval` reports for a set of probabilities against labels.
public struct EvaluationFigures: Sendable, Equatable, Codable {
    public var count: Int
    public var positives: Int
    public var rocAUC: Double
    /// Average precision (area under the precision-recall curve, step-wise).
    public var prAUC: Double
    public var threshold: Double
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Share of positives scored above the score that only 1 % of negatives exceed.
    public var tprAtOnePercentFPR: Double
    /// Expected calibration error over ten equal-width probability bins.
    public var expectedCalibrationError: Double

    public init(scores: [Double], labels: [Int], threshold: Double) {
        precondition(scores.count == labels.count)
        count = scores.count
        positives = labels.filter { $0 == 1 }.count
        self.threshold = threshold
        rocAUC = Self.rocAUC(scores: scores, labels: labels)
        prAUC = Self.averagePrecision(scores: scores, labels: labels)
        var truePositives = 0, falsePositives = 0
        for (score, label) in zip(scores, labels) where score >= threshold {
            if label == 1 { truePositives += 1 } else { falsePositives += 1 }
        }
        precision = truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : 0
        recall = positives > 0 ? Double(truePositives) / Double(positives) : 0
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        tprAtOnePercentFPR = Self.truePositiveRate(scores: scores, labels: labels, falsePositiveRate: 0.01)
        expectedCalibrationError = Self.calibrationError(scores: scores, labels: labels, bins: 10)
    }

    /// ROC AUC as the Mann-Whitney statistic, ties counted as half.
    public static func rocAUC(scores: [Double], labels: [Int]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        let positives = Double(labels.filter { $0 == 1 }.count)
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return .nan }
        var rankSum = 0.0
        for (index, label) in labels.enumerated() where label == 1 { rankSum += ranks[index] }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    public static func averagePrecision(scores: [Double], labels: [Int]) -> Double {
        let positives = labels.filter { $0 == 1 }.count
        guard positives > 0 else { return .nan }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var truePositives = 0, seen = 0, sum = 0.0
        var k = 0
        while k < order.count {
            var end = k
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[k]] { end += 1 }
            var newPositives = 0
            for j in k...end where labels[order[j]] == 1 { newPositives += 1 }
            truePositives += newPositives
            seen += end - k + 1
            sum += Double(newPositives) / Double(positives) * Double(truePositives) / Double(seen)
            k = end + 1
        }
        return sum
    }

    public static func truePositiveRate(scores: [Double], labels: [Int], falsePositiveRate: Double) -> Double {
        let negatives = zip(scores, labels).filter { $0.1 == 0 }.map(\.0).sorted(by: >)
        let positives = zip(scores, labels).filter { $0.1 == 1 }.map(\.0)
        guard !negatives.isEmpty, !positives.isEmpty else { return .nan }
        let allowed = Int((falsePositiveRate * Double(negatives.count)).rounded(.down))
        // The cut is the score of the first negative beyond the allowance; strictly above it,
        // at most `allowed` negatives remain.
        let cut = allowed < negatives.count ? negatives[allowed] : -Double.infinity
        return Double(positives.filter { $0 > cut }.count) / Double(positives.count)
    }

    public static func calibrationError(scores: [Double], labels: [Int], bins: Int) -> Double {
        guard !scores.isEmpty else { return .nan }
        var sums = [Double](repeating: 0, count: bins)
        var hits = [Double](repeating: 0, count: bins)
        var counts = [Double](repeating: 0, count: bins)
        for (score, label) in zip(scores, labels) {
            let bin = min(bins - 1, max(0, Int(score * Double(bins))))
            sums[bin] += score
            hits[bin] += Double(label)
            counts[bin] += 1
        }
        var error = 0.0
        for bin in 0..<bins where counts[bin] > 0 {
            error += abs(sums[bin] - hits[bin]) / Double(scores.count)
        }
        return error
    }
}
