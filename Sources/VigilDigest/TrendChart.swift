import VigilText
import Foundation

/// The trend as an inline SVG bar chart: mentions and hostile findings per
/// period, the current period emphasised. Only the renderer's own numbers
/// and dates go into it; it carries no text from feeds.
struct TrendChart {
    let points: [DigestHistoryPoint]
    let labels: [String]
    var width = 600
    var height = 200

    func svg() -> String {
        let left = 36.0, right = 8.0, top = 28.0, bottom = 26.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let top_ = Self.niceCeiling(points.map { max($0.mentions, $0.hostile) }.max() ?? 0)
        let slot = plotWidth / Double(max(points.count, 1))
        let barWidth = max(2, min(22, slot * 0.32))
        func y(_ value: Int) -> Double { top + plotHeight - plotHeight * Double(value) / Double(top_) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }

        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"trend-title\" style=\"display:block;max-width:100%;height:auto\" font-family=\"Helvetica,Arial,sans-serif\">")
        parts.append("<title id=\"trend-title\">Mentions and hostile findings per period</title>")
        parts.append("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
        // Legend.
        parts.append("<rect x=\"\(number(left))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#94a3b8\"/>")
        parts.append("<text x=\"\(number(left + 14))\" y=\"15\" font-size=\"11\" fill=\"#334155\">mentions</text>")
        parts.append("<rect x=\"\(number(left + 84))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#dc2626\"/>")
        parts.append("<text x=\"\(number(left + 98))\" y=\"15\" font-size=\"11\" fill=\"#334155\">hostile</text>")
        // Grid and axis labels.
        for value in [0, top_ / 2, top_] {
            let lineY = number(y(value))
            parts.append("<line x1=\"\(number(left))\" y1=\"\(lineY)\" x2=\"\(number(Double(width) - right))\" y2=\"\(lineY)\" stroke=\"#e2e8f0\" stroke-width=\"1\"/>")
            parts.append("<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" font-size=\"10\" fill=\"#64748b\" text-anchor=\"end\">\(value)</text>")
        }
        for (index, point) in points.enumerated() {
            let current = index == points.count - 1
            let center = left + slot * (Double(index) + 0.5)
            if current {
                parts.append("<rect x=\"\(number(left + slot * Double(index) + 2))\" y=\"\(number(top - 4))\" width=\"\(number(slot - 4))\" height=\"\(number(plotHeight + 4))\" fill=\"#f1f5f9\"/>")
            }
            let mentionsTop = y(point.mentions)
            let hostileTop = y(point.hostile)
            parts.append("<rect x=\"\(number(center - barWidth - 1))\" y=\"\(number(mentionsTop))\" width=\"\(number(barWidth))\" height=\"\(number(top + plotHeight - mentionsTop))\" fill=\"\(current ? "#64748b" : "#94a3b8")\"><title>\(point.mentions) mentions</title></rect>")
            parts.append("<rect x=\"\(number(center + 1))\" y=\"\(number(hostileTop))\" width=\"\(number(barWidth))\" height=\"\(number(top + plotHeight - hostileTop))\" fill=\"\(current ? "#b91c1c" : "#dc2626")\"><title>\(point.hostile) hostile</title></rect>")
            if point.hostile > 0 {
                parts.append("<text x=\"\(number(center + 1 + barWidth / 2))\" y=\"\(number(hostileTop - 3))\" font-size=\"10\" fill=\"#991b1b\" text-anchor=\"middle\">\(point.hostile)</text>")
            }
            let label = index < labels.count ? labels[index] : ""
            parts.append("<text x=\"\(number(center))\" y=\"\(height - 8)\" font-size=\"10\" fill=\"\(current ? "#0f172a" : "#64748b")\" text-anchor=\"middle\"\(current ? " font-weight=\"bold\"" : "")>\(UntrustedText.html(label))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The smallest of 1, 2, 5 × 10ⁿ (and 4, for even halves) at or above `value`.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 2 else { return 2 }
        var magnitude = 1
        while magnitude * 10 < value { magnitude *= 10 }
        for step in [1, 2, 4, 6, 8, 10] where step * magnitude >= value {
            return step * magnitude
        }
        return 10 * magnitude
    }
}
