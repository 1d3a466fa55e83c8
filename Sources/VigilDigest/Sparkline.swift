/// A row of block characters, one per value, scaled to the largest: a trend
/// that fits in a terminal line or a table cell.
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Zero is the lowest block; any non-zero value shows above it, so one
    /// finding is never drawn as none.
    static func render(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        guard top > 0 else { return String(repeating: levels[0], count: values.count) }
        return String(values.map { value -> Character in
            guard value > 0 else { return levels[0] }
            let step = Int((Double(value) / Double(top) * Double(levels.count - 1)).rounded(.up))
            return levels[min(levels.count - 1, max(1, step))]
        })
    }
}
