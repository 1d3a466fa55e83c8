import Foundation

/// Timestamps as every vigil database writes them: UTC text
/// `YYYY-MM-DD HH:MM:SS.SSS`, sortable and the same in SQLite (GRDB's
/// format) and PostgreSQL. Formatted and parsed by hand: a poll cycle
/// writes several for every feed, and a `DateFormatter` costs more than
/// the rest of the row.
enum StoreTime {
    static func text(_ date: Date) -> String {
        // To the nearest millisecond, as GRDB's formatter (ICU) writes them.
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.toNearestOrAwayFromZero)
        var seconds = time_t(Int64((milliseconds / 1000).rounded(.down)))
        let fraction = Int(milliseconds - Double(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2) + " "
            + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2) + "." + pad(fraction, 3)
    }

    /// A stored timestamp read back, or nil when it is not one. Also reads
    /// the shorter forms SQLite's own functions write (`YYYY-MM-DD HH:MM:SS`,
    /// `YYYY-MM-DD`) and a `T` in place of the space.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes.count >= 10, bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
              let day = number(8, 2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        if bytes.count > 10 {
            guard bytes.count >= 19, bytes[10] == 32 || bytes[10] == 84, let h = number(11, 2), bytes[13] == 58,
                  let m = number(14, 2), bytes[16] == 58, let s = number(17, 2)
            else { return nil }
            (hour, minute, second) = (h, m, s)
            if bytes.count > 19 {
                guard bytes[19] == 46, bytes.count > 20 else { return nil }
                var scale = 0.1
                for byte in bytes[20...] {
                    guard byte >= 48, byte <= 57 else { return nil }
                    fraction += Double(byte - 48) * scale
                    scale /= 10
                }
            }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds) + (fraction * 1000).rounded() / 1000)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
