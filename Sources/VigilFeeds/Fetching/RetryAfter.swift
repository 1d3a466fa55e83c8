/// Reads a Retry-After field: either a number of seconds or an HTTP date.
public enum RetryAfter {
    /// The pause the server asked for, measured from `now` (seconds since 1970);
    /// a date in the past means no pause. Nil when the field is unreadable.
    public static func delay(from value: String, now: Int64) -> Duration? {
        let trimmed = value.trimmingASCIIWhitespace()
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard let seconds = Int64(trimmed) else { return .seconds(Int64.max / 2) }
            return .seconds(seconds)
        }
        guard let date = HTTPDate.secondsSince1970(trimmed) else { return nil }
        return .seconds(max(0, date - now))
    }
}

extension String {
    func trimmingHTTPWhitespace() -> String {
        // "\r\n" is one Character in Swift, so it is listed on its own.
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
