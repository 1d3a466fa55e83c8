import Foundation

/// A daily period, such as "22:00-07:00", during which a channel holds its
/// alerts; they go out together when the period ends. A period may cross
/// midnight; equal start and end would mean "always quiet" and is refused.
public struct QuietHours: Sendable, Equatable {
    /// Minutes after local midnight.
    public let startMinute: Int
    public let endMinute: Int

    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let start = Self.minutes(parts[0].trimmingCharacters(in: .whitespaces)),
              let end = Self.minutes(parts[1].trimmingCharacters(in: .whitespaces)),
              start != end else { return nil }
        startMinute = start
        endMinute = end
    }

    /// When the quiet period holding `date` ends, or nil when `date` is not
    /// in a quiet period.
    public func end(ofPeriodContaining date: Date, calendar: Calendar) -> Date? {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let quiet = startMinute < endMinute
            ? (startMinute <= minute && minute < endMinute)
            : (minute >= startMinute || minute < endMinute)
        guard quiet else { return nil }
        let components = DateComponents(hour: endMinute / 60, minute: endMinute % 60, second: 0)
        return calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime)
    }

    private static func minutes(_ text: String) -> Int? {
        let pieces = text.split(separator: ":")
        guard pieces.count == 2, pieces.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(pieces[0]), let minute = Int(pieces[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }
}
