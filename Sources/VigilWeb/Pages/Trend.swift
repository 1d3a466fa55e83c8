import Foundation
import VigilDigest
import VigilStore

/// The overview's 12-week trends: attacks and coverage per person and per
/// team, week by week, drawn with the digest's chart without its inline style.
struct Trend: Sendable {
    static let weeks = 12

    /// The starts of the weeks, oldest first, and the end of the last.
    let boundaries: [Date]
    let byPerson: [String: [WeeklyKindCount]]

    var empty: [WeeklyKindCount] { Array(repeating: WeeklyKindCount(), count: boundaries.count - 1) }

    func counts(of person: String) -> [WeeklyKindCount] {
        byPerson[person] ?? empty
    }

    /// The sums over `people`, week by week.
    func counts(of people: [String]) -> [WeeklyKindCount] {
        people.reduce(empty) { sum, person in zip(sum, counts(of: person)).map { $0 + $1 } }
    }

    /// A chart for a team's section: legend, axis and week labels.
    func chart(_ counts: [WeeklyKindCount], title: String, id: String) -> HTML {
        var chart = TrendChart(
            grey: ("coverage", counts.map(\.coverage)), red: ("attacks", counts.map(\.attacks)),
            labels: boundaries.dropLast().map(UTCCalendar.shortDay), title: title, titleID: id)
        chart.inlineStyle = false
        return HTML.prerendered(chart.svg())
    }

    /// A chart the size of a table cell, for a person's row.
    func cellChart(_ counts: [WeeklyKindCount], title: String, id: String) -> HTML {
        var chart = TrendChart(
            grey: ("coverage", counts.map(\.coverage)), red: ("attacks", counts.map(\.attacks)),
            labels: boundaries.dropLast().map { "week of " + UTCCalendar.shortDay($0) }, title: title, titleID: id)
        chart.inlineStyle = false
        chart.compact = true
        chart.width = 132
        chart.height = 30
        return HTML.prerendered(chart.svg())
    }
}
