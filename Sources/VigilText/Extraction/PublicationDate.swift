import Foundation

/// Reads the dates pages give for their publication (`article:published_time`,
/// `<time datetime>`): ISO 8601 calendar dates, with or without a time, seconds,
/// fractions of a second and an offset. A time without an offset is taken as UTC,
/// and a date alone as its midnight in UTC. Anything else (week dates, ordinal
/// dates, prose, impossible days) is nil. Written out rather than on a date
/// formatter, whose accepted forms differ between platforms and options.
enum PublicationDate {
    static func parse(_ text: String) -> Date? {
        var reader = Reader(Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        guard let year = reader.number(digits: 4), reader.skip(0x2D),
              let month = reader.number(digits: 2), reader.skip(0x2D),
              let day = reader.number(digits: 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromEpoch(year: year, month: month, day: day)) * 86_400
        guard !reader.atEnd else { return Date(timeIntervalSince1970: seconds) }
        guard reader.skip(0x54) || reader.skip(0x74) || reader.skip(0x20),
              let hour = reader.number(digits: 2), reader.skip(0x3A), let minute = reader.number(digits: 2),
              hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3_600 + minute * 60)
        if reader.skip(0x3A) {
            guard let second = reader.number(digits: 2), second <= 60 else { return nil }
            seconds += Double(second)
            if reader.skip(0x2E) || reader.skip(0x2C) {
                guard let fraction = reader.fraction() else { return nil }
                seconds += fraction
            }
        }
        if reader.skip(0x5A) || reader.skip(0x7A) || reader.atEnd {
            return reader.atEnd ? Date(timeIntervalSince1970: seconds) : nil
        }
        let sign: Double = reader.skip(0x2B) ? -1 : reader.skip(0x2D) ? 1 : 0
        guard sign != 0, let offsetHours = reader.number(digits: 2), offsetHours < 24 else { return nil }
        _ = reader.skip(0x3A)
        let offsetMinutes = reader.atEnd ? 0 : reader.number(digits: 2) ?? 60
        guard offsetMinutes < 60, reader.atEnd else { return nil }
        return Date(timeIntervalSince1970: seconds + sign * Double(offsetHours * 3_600 + offsetMinutes * 60))
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar.
    private static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + digits)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }

        /// The digits after a decimal point as a fraction of a second.
        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            return index > start ? value : nil
        }
    }
}
