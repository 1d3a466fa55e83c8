/// Reads the three date formats HTTP allows (IMF-fixdate, RFC 850, asctime) into
/// seconds since 1970, so Retry-After dates can be compared with the clock
/// without Foundation.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Seconds since 1970-01-01T00:00:00Z, or nil when the text is not an HTTP date.
    public static func secondsSince1970(_ text: String) -> Int64? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" || $0 == "\t" }.map(String.init)
        var month: Int?
        var day: Int?
        var year: Int?
        var clock: (Int, Int, Int)?
        for token in tokens {
            let lower = token.lowercased()
            if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3, clock == nil else { return nil }
                clock = (parts[0], parts[1], parts[2])
            } else if let index = months.firstIndex(of: lower) {
                month = index + 1
            } else if let number = Int(token), token.allSatisfy(\.isASCII) {
                if day == nil && token.count <= 2 && year == nil {
                    day = number
                } else if year == nil {
                    year = token.count == 2 ? (number < 70 ? 2000 + number : 1900 + number) : number
                } else {
                    return nil
                }
            } else if lower == "gmt" || lower == "utc" || lower == "ut" || lower == "z" {
                continue
            } else if lower.count >= 3, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].contains(String(lower.prefix(3))) {
                continue
            } else {
                return nil
            }
        }
        guard let month, let day, let year, let (hour, minute, second) = clock,
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
