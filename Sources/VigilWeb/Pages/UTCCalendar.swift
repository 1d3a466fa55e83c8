import Foundation

/// Days and weeks as the dashboard reads and writes them: in UTC, weeks from
/// Monday, days as `YYYY-MM-DD`, so a link means the same span to every reader.
enum UTCCalendar {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }()

    static let secondsPerWeek: TimeInterval = 7 * 86400

    /// Midnight of the Monday that begins the week holding `date`.
    static func weekStart(of date: Date) -> Date {
        calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? calendar.startOfDay(for: date)
    }

    /// The starts of `count` weeks ending with the one holding `now`, and the
    /// end of that week: the boundaries of a trend, oldest first.
    static func weekBoundaries(count: Int, endingAt now: Date) -> [Date] {
        let current = weekStart(of: now)
        return (0...count).map { index in current.addingTimeInterval(Double(index - count + 1) * secondsPerWeek) }
    }

    /// A day written `YYYY-MM-DD`, at its midnight; nil for anything else,
    /// an impossible date (`2026-02-30`) included.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day))
        else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// `YYYY-MM-DD`.
    static func dayText(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// "16 Nov": a week's label on a chart.
    static func shortDay(_ date: Date) -> String {
        let parts = calendar.dateComponents([.month, .day], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(parts.day!) \(months[parts.month! - 1])"
    }
}
