import Foundation

/// When digests are due: a weekday (or every day) and a local time in a time
/// zone, e.g. "mon 08:00" in Europe/Berlin. Each send closes a period that
/// began at the previous send, so periods follow the local calendar: the week
/// that contains a daylight-saving change is 167 or 169 hours long, and the
/// digest still goes out at 08:00 on the wall clock.
public struct DigestSchedule: Sendable, Equatable {
    public enum Cadence: Sendable, Equatable {
        /// Once a week; `weekday` follows Foundation: 1 is Sunday, 2 Monday, … 7 Saturday.
        case weekly(weekday: Int)
        case daily
    }

    public let cadence: Cadence
    public let hour: Int
    public let minute: Int
    public let timeZone: TimeZone

    public init(cadence: Cadence, hour: Int, minute: Int, timeZone: TimeZone) {
        self.cadence = cadence
        self.hour = hour
        self.minute = minute
        self.timeZone = timeZone
    }

    /// Reads "mon 08:00", "Monday 8:00" or "daily 07:30".
    public init(parsing text: String, timeZone: TimeZone) throws {
        let parts = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count == 2 else {
            throw DigestError("digest schedule '\(text)' is not like \"mon 08:00\" or \"daily 08:00\"")
        }
        let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        let longDays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        let cadence: Cadence
        if parts[0] == "daily" || parts[0] == "day" {
            cadence = .daily
        } else if let index = days.firstIndex(of: parts[0]) ?? longDays.firstIndex(of: parts[0]) {
            cadence = .weekly(weekday: index + 1)
        } else {
            throw DigestError("digest schedule '\(text)': '\(parts[0])' is not a weekday (mon … sun) or 'daily'")
        }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]), clock[1].count == 2,
              (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            throw DigestError("digest schedule '\(text)': '\(parts[1])' is not a time of day like 08:00")
        }
        self.init(cadence: cadence, hour: hour, minute: minute, timeZone: timeZone)
    }

    /// The schedule the config asks for, in its time zone (the machine's when unset).
    public init(settings: DigestSettings) throws {
        var zone = TimeZone.current
        if let name = settings.timeZone {
            guard let named = TimeZone(identifier: name) else { throw DigestError("unknown time zone '\(name)'") }
            zone = named
        }
        try self.init(parsing: settings.schedule, timeZone: zone)
    }

    /// The most recent period whose send time has come by `now`.
    public func latestPeriod(atOrBefore now: Date) -> DigestPeriod {
        var endWall = latestScheduledWallTime(atOrBefore: wallTime(of: now))
        var end = instant(ofWallTime: endWall)
        // A send time pushed forward by a daylight-saving gap may land after now.
        while end > now {
            endWall -= stepSeconds
            end = instant(ofWallTime: endWall)
        }
        return DigestPeriod(start: instant(ofWallTime: endWall - stepSeconds), end: end)
    }

    /// The period due at `now`, given the last one already sent: the latest
    /// period, unless it (or a later one) was sent. Periods missed while the
    /// daemon was down are not sent late one by one; the latest covers them
    /// in its trend.
    public func duePeriod(now: Date, lastSentEnd: Date?) -> DigestPeriod? {
        let latest = latestPeriod(atOrBefore: now)
        if let lastSentEnd, lastSentEnd >= latest.end { return nil }
        return latest
    }

    /// The next send time strictly after `now`.
    public func nextSend(after now: Date) -> Date {
        var wall = latestScheduledWallTime(atOrBefore: wallTime(of: now))
        while true {
            let candidate = instant(ofWallTime: wall)
            if candidate > now { return candidate }
            wall += stepSeconds
        }
    }

    /// `count` periods before `period` followed by it, oldest first, each
    /// following the local calendar.
    public func periods(endingWith period: DigestPeriod, preceding count: Int) -> [DigestPeriod] {
        var result = [period]
        var wall = wallTime(of: period.start)
        for _ in 0..<max(0, count) {
            let previousStart = instant(ofWallTime: wall - stepSeconds)
            result.insert(DigestPeriod(start: previousStart, end: result[0].start), at: 0)
            wall -= stepSeconds
        }
        return result
    }

    // Wall times are local clock readings written as seconds since 1970 as if
    // the zone were UTC, so calendar steps are plain arithmetic.

    private var stepSeconds: Int64 {
        switch cadence {
        case .weekly: 7 * 86_400
        case .daily: 86_400
        }
    }

    private func wallTime(of date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
    }

    private func latestScheduledWallTime(atOrBefore wall: Int64) -> Int64 {
        let day = Int64((Double(wall) / 86_400).rounded(.down))
        // 1970-01-01 was a Thursday, weekday 5 in Foundation's numbering.
        let weekdayOfDay = Int((day + 4) % 7 + 7) % 7 + 1
        var candidateDay = day
        if case .weekly(let weekday) = cadence {
            candidateDay -= Int64((weekdayOfDay - weekday + 7) % 7)
        }
        var candidate = candidateDay * 86_400 + Int64(hour * 3600 + minute * 60)
        if candidate > wall { candidate -= stepSeconds }
        return candidate
    }

    /// The instant a local clock reading happens. An ambiguous reading (the
    /// repeated hour when clocks go back) is its first occurrence; a reading
    /// that never happens (the hour skipped when clocks go forward) moves
    /// forward by the gap, as a wall clock would.
    private func instant(ofWallTime wall: Int64) -> Date {
        let asUTC = Date(timeIntervalSince1970: Double(wall))
        let offsetBefore = Int64(timeZone.secondsFromGMT(for: asUTC.addingTimeInterval(-86_400)))
        let offsetAfter = Int64(timeZone.secondsFromGMT(for: asUTC.addingTimeInterval(86_400)))
        let candidates = Set([offsetBefore, offsetAfter]).map { wall - $0 }.sorted().filter { candidate in
            Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(candidate)))) == wall - candidate
        }
        if let first = candidates.first { return Date(timeIntervalSince1970: Double(first)) }
        return Date(timeIntervalSince1970: Double(wall - offsetBefore))
    }
}
