import VigilText
import Foundation

/// A trend as an inline SVG bar chart: two counts per period side by side
/// (a grey one and a red one, the red one the worse news), the current period
/// emphasised. Only numbers, dates and vigil's own words go into it; it
/// carries no text from feeds. The digest draws mentions and hostile
/// findings; the dashboard draws coverage and attacks, under a
/// Content-Security-Policy that refuses inline styles.
public struct TrendChart: Sendable {
    let greyName: String
    let grey: [Int]
    let redName: String
    let red: [Int]
    let labels: [String]
    public var width = 600
    public var height = 200
    /// What the chart shows, read by screen readers and shown as its tooltip.
    public var title: String
    /// The ID of the chart's title element, unique on its page.
    public var titleID: String
    /// A chart the size of a table cell: bars only, no legend, axis numbers
    /// or period labels (each bar's tooltip still gives its count).
    public var compact = false
    /// Whether the chart carries the inline `style` attribute that lets it
    /// shrink in e-mail clients; a page whose policy forbids inline styles sets it false.
    public var inlineStyle = true

    /// `grey` and `red` hold one count per period, oldest first; `labels` name the periods.
    public init(grey: (name: String, values: [Int]), red: (name: String, values: [Int]), labels: [String], title: String, titleID: String) {
        greyName = grey.name
        self.grey = grey.values
        redName = red.name
        self.red = red.values
        self.labels = labels
        self.title = title
        self.titleID = titleID
    }

    /// The digest's chart: mentions and hostile findings per period.
    init(points: [DigestHistoryPoint], labels: [String]) {
        self.init(
            grey: ("mentions", points.map(\.mentions)), red: ("hostile", points.map(\.hostile)), labels: labels,
            title: "Mentions and hostile findings per period", titleID: "trend-title")
    }

    public func svg() -> String {
        let left = compact ? 1.0 : 36.0, right = compact ? 1.0 : 8.0
        let top = compact ? 3.0 : 28.0, bottom = compact ? 1.0 : 26.0
        let count = min(grey.count, red.count)
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let top_ = Self.niceCeiling(zip(grey, red).map { max($0, $1) }.max() ?? 0)
        let slot = plotWidth / Double(max(count, 1))
        let barWidth = max(compact ? 1 : 2, min(22, slot * (compact ? 0.4 : 0.32)))
        func y(_ value: Int) -> Double { top + plotHeight - plotHeight * Double(value) / Double(top_) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        let esc = { (text: String) in UntrustedText.html(text) }

        var parts: [String] = []
        let style = inlineStyle ? " style=\"display:block;max-width:100%;height:auto\"" : ""
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(esc(titleID))\"\(style) font-family=\"Helvetica,Arial,sans-serif\">")
        parts.append("<title id=\"\(esc(titleID))\">\(esc(title))</title>")
        parts.append("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
        if compact {
            parts.append("<line x1=\"\(number(left))\" y1=\"\(number(y(0)))\" x2=\"\(number(Double(width) - right))\" y2=\"\(number(y(0)))\" stroke=\"#e2e8f0\" stroke-width=\"1\"/>")
        } else {
            // Legend.
            parts.append("<rect x=\"\(number(left))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#94a3b8\"/>")
            parts.append("<text x=\"\(number(left + 14))\" y=\"15\" font-size=\"11\" fill=\"#334155\">\(esc(greyName))</text>")
            parts.append("<rect x=\"\(number(left + 84))\" y=\"6\" width=\"10\" height=\"10\" fill=\"#dc2626\"/>")
            parts.append("<text x=\"\(number(left + 98))\" y=\"15\" font-size=\"11\" fill=\"#334155\">\(esc(redName))</text>")
            // Grid and axis labels.
            for value in [0, top_ / 2, top_] {
                let lineY = number(y(value))
                parts.append("<line x1=\"\(number(left))\" y1=\"\(lineY)\" x2=\"\(number(Double(width) - right))\" y2=\"\(lineY)\" stroke=\"#e2e8f0\" stroke-width=\"1\"/>")
                parts.append("<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" font-size=\"10\" fill=\"#64748b\" text-anchor=\"end\">\(value)</text>")
            }
        }
        for index in 0..<count {
            let current = index == count - 1
            let center = left + slot * (Double(index) + 0.5)
            if current {
                parts.append("<rect x=\"\(number(left + slot * Double(index) + 2))\" y=\"\(number(top - 4))\" width=\"\(number(slot - 4))\" height=\"\(number(plotHeight + 4))\" fill=\"#f1f5f9\"/>")
            }
            let label = index < labels.count ? labels[index] : ""
            let tooltip = compact && !label.isEmpty ? " (\(esc(label)))" : ""
            let greyTop = y(grey[index])
            let redTop = y(red[index])
            parts.append("<rect x=\"\(number(center - barWidth - 1))\" y=\"\(number(greyTop))\" width=\"\(number(barWidth))\" height=\"\(number(top + plotHeight - greyTop))\" fill=\"\(current ? "#64748b" : "#94a3b8")\"><title>\(grey[index]) \(esc(greyName))\(tooltip)</title></rect>")
            parts.append("<rect x=\"\(number(center + 1))\" y=\"\(number(redTop))\" width=\"\(number(barWidth))\" height=\"\(number(top + plotHeight - redTop))\" fill=\"\(current ? "#b91c1c" : "#dc2626")\"><title>\(red[index]) \(esc(redName))\(tooltip)</title></rect>")
            guard !compact else { continue }
            if red[index] > 0 {
                parts.append("<text x=\"\(number(center + 1 + barWidth / 2))\" y=\"\(number(redTop - 3))\" font-size=\"10\" fill=\"#991b1b\" text-anchor=\"middle\">\(red[index])</text>")
            }
            parts.append("<text x=\"\(number(center))\" y=\"\(height - 8)\" font-size=\"10\" fill=\"\(current ? "#0f172a" : "#64748b")\" text-anchor=\"middle\"\(current ? " font-weight=\"bold\"" : "")>\(esc(label))</text>")
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
