import Foundation

/// Reads the dates feeds write, normalised to UTC.
///
/// RFC 822/1123 (RSS), RFC 3339 and W3C-DTF (Atom, Dublin Core), ISO 8601 basic
/// and extended forms, asctime, and the usual breakage: missing day names or
/// seconds, two-digit years, named and military time zones, a space instead of
/// "T", no zone at all (read as UTC). Returns nil rather than guessing.
public enum FeedDateParser {
    public static func parse(_ string: String) -> Date? {
        let bytes = Array(string.utf8)
        var start = 0
        var end = bytes.count
        while start < end, ASCII.isWhitespace(bytes[start]) { start += 1 }
        while end > start, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        let trimmed = Array(bytes[start..<end])
        if trimmed[0] >= 0x30, trimmed[0] <= 0x39, let date = iso8601(trimmed) {
            return date
        }
        if let date = commonRFC822(trimmed) { return date }
        return rfc822(trimmed)
    }

    /// The form nearly every RSS feed writes, "Sun, 06 Feb 2021 11:35:30 +0200", read at
    /// fixed positions without splitting it into strings. It yields what `rfc822` yields for
    /// it (the same fields go to `makeDate`); any other form, and any doubt, returns nil.
    private static func commonRFC822(_ bytes: [UInt8]) -> Date? {
        guard bytes.count == 31, bytes[3] == 0x2C, bytes[4] == 0x20, bytes[7] == 0x20, bytes[11] == 0x20,
              bytes[16] == 0x20, bytes[19] == 0x3A, bytes[22] == 0x3A, bytes[25] == 0x20,
              bytes[26] == UInt8(ascii: "+") || bytes[26] == UInt8(ascii: "-") else { return nil }
        // A day name, which `rfc822` drops: letters that are not a month name.
        let name = bytes[0..<3].map(ASCII.lowercased)
        guard name.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
              months[String(decoding: name, as: UTF8.self)] == nil else { return nil }
        let monthName = bytes[8..<11].map(ASCII.lowercased)
        guard let month = months[String(decoding: monthName, as: UTF8.self)] else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let day = number(5..<7), let year = number(12..<16), year >= 100,
              let hour = number(17..<19), let minute = number(20..<22), let second = number(23..<25),
              let zoneHours = number(27..<29), let zoneMinutes = number(29..<31),
              (1...31).contains(day), zoneHours <= 23, zoneMinutes <= 59 else { return nil }
        let offset = (bytes[26] == UInt8(ascii: "-") ? -1 : 1) * (zoneHours * 3600 + zoneMinutes * 60)
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: Double(second), offset: offset)
    }

    // MARK: ISO 8601 / W3C-DTF / RFC 3339

    private static func iso8601(_ bytes: [UInt8]) -> Date? {
        var cursor = DateCursor(bytes)
        guard let year = cursor.digits(exactly: 4) else { return nil }
        var month = 1, day = 1
        var hour = 0, minute = 0, second = 0.0
        var offset = 0
        let extended = cursor.skip(UInt8(ascii: "-"))
        if let parsedMonth = cursor.digits(exactly: 2) {
            month = parsedMonth
            if extended {
                if cursor.skip(UInt8(ascii: "-")) {
                    guard let parsedDay = cursor.digits(exactly: 2) else { return nil }
                    day = parsedDay
                }
            } else {
                guard let parsedDay = cursor.digits(exactly: 2) else { return nil }
                day = parsedDay
            }
        } else if extended, !cursor.atEnd {
            return nil
        }
        if !cursor.atEnd {
            guard cursor.skip(UInt8(ascii: "T")) || cursor.skip(UInt8(ascii: "t")) || cursor.skip(UInt8(ascii: " ")) else {
                return nil
            }
            while cursor.skip(UInt8(ascii: " ")) {}
            guard let parsedHour = cursor.digits(exactly: 2) else { return nil }
            hour = parsedHour
            let colon = cursor.skip(UInt8(ascii: ":"))
            if let parsedMinute = cursor.digits(exactly: 2) {
                minute = parsedMinute
                if colon ? cursor.skip(UInt8(ascii: ":")) : cursor.peekDigit {
                    guard let parsedSecond = cursor.digits(exactly: 2) else { return nil }
                    second = Double(parsedSecond)
                    if cursor.skip(UInt8(ascii: ".")) || cursor.skip(UInt8(ascii: ",")) {
                        var scale = 0.1
                        while let digit = cursor.digit() {
                            second += Double(digit) * scale
                            scale /= 10
                        }
                    }
                }
            }
            while cursor.skip(UInt8(ascii: " ")) {}
            if !cursor.atEnd {
                guard let zone = cursor.zoneOffset() else { return nil }
                offset = zone
            }
            guard cursor.atEnd else { return nil }
        }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: RFC 822 and friends

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    private static func rfc822(_ bytes: [UInt8]) -> Date? {
        // Split into words on spaces and commas; keep ':' inside the time and signs on zones.
        var words: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            if byte == 0x20 || byte == 0x2C || byte == 0x09 {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current = [] }
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        // "01-Jan-2004" style dates.
        if words.count >= 1, words[0].split(separator: "-").count == 3, Int(words[0].split(separator: "-")[0]) != nil {
            words = words[0].split(separator: "-").map(String.init) + words.dropFirst()
        }
        // Drop a leading day name.
        if let first = words.first, first.first?.isLetter == true, months[String(first.prefix(3)).lowercased()] == nil {
            words.removeFirst()
        }
        guard words.count >= 3 else { return nil }
        var day: Int?, month: Int?, year: Int?
        var timeWord: String?
        var zoneWord: String?
        if let parsedDay = Int(words[0]), let parsedMonth = months[String(words[1].prefix(3)).lowercased()] {
            day = parsedDay
            month = parsedMonth
            year = Int(words[2])
            timeWord = words.count > 3 ? words[3] : nil
            zoneWord = words.count > 4 ? words[4] : nil
        } else if let parsedMonth = months[String(words[0].prefix(3)).lowercased()], let parsedDay = Int(words[1]) {
            // asctime ("Jan 4 16:29:06 2004") or "Jan 04 2004 16:29:06 GMT".
            month = parsedMonth
            day = parsedDay
            if words[2].contains(":") {
                timeWord = words[2]
                if words.count > 4 { zoneWord = words[3]; year = Int(words[4]) } else if words.count > 3 { year = Int(words[3]) }
            } else {
                year = Int(words[2])
                timeWord = words.count > 3 ? words[3] : nil
                zoneWord = words.count > 4 ? words[4] : nil
            }
        }
        guard let day, let month, var year, (1...31).contains(day) else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        var hour = 0, minute = 0, second = 0.0
        if let timeWord {
            var time = timeWord
            // A zone glued to the time ("10:14:55Z", "10:14:55+0100").
            if zoneWord == nil, let signIndex = time.firstIndex(where: { $0 == "+" || $0 == "-" || $0.isLetter }) {
                zoneWord = String(time[signIndex...])
                time = String(time[..<signIndex])
            }
            let parts = time.split(separator: ":")
            guard parts.count >= 2, parts.count <= 3, let parsedHour = Int(parts[0]), let parsedMinute = Int(parts[1]) else {
                return nil
            }
            hour = parsedHour
            minute = parsedMinute
            if parts.count == 3 {
                guard let parsedSecond = Double(parts[2]) else { return nil }
                second = parsedSecond
            }
        }
        var offset = 0
        if let zoneWord {
            var cursor = DateCursor(Array(zoneWord.utf8))
            guard let zone = cursor.zoneOffset() ?? namedZone(zoneWord) else { return nil }
            offset = zone
        }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// Zone names RFC 822 allows (and a few common ones), in seconds east of UTC.
    private static func namedZone(_ name: String) -> Int? {
        let zones: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
            "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
            "akst": -9, "akdt": -8, "hst": -10, "ast": -4, "adt": -3, "nzst": 12, "nzdt": 13,
            "cet": 1, "cest": 2, "met": 1, "mest": 2, "eet": 2, "eest": 3, "bst": 1, "ist": 5, "jst": 9,
        ]
        let lower = name.lowercased()
        if let hours = zones[lower] { return hours * 3600 }
        if lower.hasPrefix("gmt") || lower.hasPrefix("utc") {
            var cursor = DateCursor(Array(lower.dropFirst(3).utf8))
            return cursor.zoneOffset()
        }
        // Military single letters: A-I = +1..+9, K-M = +10..+12, N-Y = -1..-12, Z = 0.
        if lower.count == 1, let scalar = lower.unicodeScalars.first?.value {
            switch scalar {
            case 0x61...0x69: return Int(scalar - 0x60) * 3600
            case 0x6B...0x6D: return Int(scalar - 0x61) * 3600
            case 0x6E...0x79: return -Int(scalar - 0x6D) * 3600
            default: return nil
            }
        }
        return nil
    }

    private static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
              second >= 0, second < 61, year >= 1, year <= 9999 else { return nil }
        // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
        return Date(timeIntervalSince1970: seconds)
    }
}
