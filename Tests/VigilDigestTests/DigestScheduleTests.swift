import Foundation
import Testing
@testable import VigilDigest

/// Schedules follow the local wall clock, including across daylight-saving
/// changes, and say which period is due.
@Suite struct DigestScheduleTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let newYork = TimeZone(identifier: "America/New_York")!

    func date(_ text: String) -> Date { DigestFixture.date(text) }

    @Test func parsesWeekdaysAndDaily() throws {
        let monday = try DigestSchedule(parsing: "mon 08:00", timeZone: berlin)
        #expect(monday.cadence == .weekly(weekday: 2))
        #expect(monday.hour == 8 && monday.minute == 0)
        #expect(try DigestSchedule(parsing: "Friday 17:30", timeZone: berlin).cadence == .weekly(weekday: 6))
        #expect(try DigestSchedule(parsing: "daily 07:05", timeZone: berlin).cadence == .daily)
        for bad in ["", "mon", "mon 8", "mon 24:00", "mon 08:60", "mon 08:5", "someday 08:00", "mon 08:00 extra"] {
            #expect(throws: DigestError.self, "\(bad)") { try DigestSchedule(parsing: bad, timeZone: berlin) }
        }
    }

    @Test func settingsWithAnUnknownZoneAreRejected() {
        var settings = DigestSettings()
        settings.timeZone = "Mars/Olympus_Mons"
        #expect(throws: DigestError.self) { try DigestSchedule(settings: settings) }
    }

    @Test func anOrdinaryWeekIsSevenDays() throws {
        let schedule = try DigestSchedule(parsing: "mon 08:00", timeZone: berlin)
        let period = schedule.latestPeriod(atOrBefore: date("2026-11-25T12:00:00Z"))
        #expect(period.start == date("2026-11-16T07:00:00Z"))
        #expect(period.end == date("2026-11-23T07:00:00Z"))
        // Exactly at the send time, the period that just closed is the latest.
        #expect(schedule.latestPeriod(atOrBefore: date("2026-11-23T07:00:00Z")).end == date("2026-11-23T07:00:00Z"))
        // One second before, it is the week before.
        #expect(schedule.latestPeriod(atOrBefore: date("2026-11-23T06:59:59Z")).end == date("2026-11-16T07:00:00Z"))
        #expect(schedule.nextSend(after: date("2026-11-23T07:00:00Z")) == date("2026-11-30T07:00:00Z"))
    }

    @Test func theWeekClocksGoBackIsOneHourLonger() throws {
        // Berlin leaves summer time on Sunday 25 October 2026.
        let schedule = try DigestSchedule(parsing: "mon 08:00", timeZone: berlin)
        let period = schedule.latestPeriod(atOrBefore: date("2026-10-26T09:00:00Z"))
        #expect(period.start == date("2026-10-19T06:00:00Z"))  // 08:00 CEST
        #expect(period.end == date("2026-10-26T07:00:00Z"))    // 08:00 CET
        #expect(period.duration == 169 * 3600)
    }

    @Test func theWeekClocksGoForwardIsOneHourShorter() throws {
        // Berlin enters summer time on Sunday 29 March 2026.
        let schedule = try DigestSchedule(parsing: "mon 08:00", timeZone: berlin)
        let period = schedule.latestPeriod(atOrBefore: date("2026-03-30T06:00:00Z"))
        #expect(period.start == date("2026-03-23T07:00:00Z"))
        #expect(period.end == date("2026-03-30T06:00:00Z"))
        #expect(period.duration == 167 * 3600)
        let periods = schedule.periods(endingWith: period, preceding: 3)
        #expect(periods.count == 4)
        let hours = periods.map { Int($0.duration / 3600) }
        #expect(hours == [168, 168, 168, 167])
        for (earlier, later) in zip(periods, periods.dropFirst()) { #expect(earlier.end == later.start) }
    }

    @Test func aSendTimeInsideTheSkippedHourMovesForward() throws {
        // 02:30 does not exist in Berlin on 29 March 2026; the clock jumps from 02:00 to 03:00.
        let schedule = try DigestSchedule(parsing: "sun 02:30", timeZone: berlin)
        let period = schedule.latestPeriod(atOrBefore: date("2026-03-29T12:00:00Z"))
        #expect(period.end == date("2026-03-29T01:30:00Z"))  // 03:30 CEST
        #expect(period.start == date("2026-03-22T01:30:00Z")) // 02:30 CET
        // At 03:10 local (01:10Z) that send has not happened yet.
        #expect(schedule.latestPeriod(atOrBefore: date("2026-03-29T01:10:00Z")).end == date("2026-03-22T01:30:00Z"))
    }

    @Test func aSendTimeInTheRepeatedHourHappensOnce() throws {
        // 02:30 happens twice in Berlin on 25 October 2026; the first one counts.
        let schedule = try DigestSchedule(parsing: "sun 02:30", timeZone: berlin)
        let period = schedule.latestPeriod(atOrBefore: date("2026-10-25T12:00:00Z"))
        #expect(period.end == date("2026-10-25T00:30:00Z"))
        #expect(schedule.nextSend(after: date("2026-10-25T00:30:00Z")) == date("2026-11-01T01:30:00Z"))
    }

    @Test func otherZonesAndDailyCadence() throws {
        // New York leaves summer time on Sunday 1 November 2026.
        let daily = try DigestSchedule(parsing: "daily 09:00", timeZone: newYork)
        let period = daily.latestPeriod(atOrBefore: date("2026-11-01T18:00:00Z"))
        #expect(period.start == date("2026-10-31T13:00:00Z"))  // 09:00 EDT
        #expect(period.end == date("2026-11-01T14:00:00Z"))    // 09:00 EST
        #expect(period.duration == 25 * 3600)
        let utc = try DigestSchedule(parsing: "wed 23:45", timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.latestPeriod(atOrBefore: date("2026-11-25T23:44:00Z")).end == date("2026-11-18T23:45:00Z"))
        // Kiritimati is fourteen hours ahead: its Monday morning is Sunday in UTC.
        let kiritimati = try DigestSchedule(parsing: "mon 08:00", timeZone: TimeZone(identifier: "Pacific/Kiritimati")!)
        #expect(kiritimati.latestPeriod(atOrBefore: date("2026-11-23T00:00:00Z")).end == date("2026-11-22T18:00:00Z"))
    }

    @Test func dueOnlyUntilSent() throws {
        let schedule = try DigestSchedule(parsing: "mon 08:00", timeZone: berlin)
        let now = date("2026-11-24T10:00:00Z")
        let due = try #require(schedule.duePeriod(now: now, lastSentEnd: nil))
        #expect(due.end == date("2026-11-23T07:00:00Z"))
        #expect(schedule.duePeriod(now: now, lastSentEnd: due.end) == nil)
        // After a long outage only the latest period is due, not each missed one.
        #expect(schedule.duePeriod(now: now, lastSentEnd: date("2026-10-01T00:00:00Z")) == due)
    }
}
