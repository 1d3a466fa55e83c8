/// Reads a Retry-After field: either a number of seconds or an HTTP date.
public enum RetryAfter {
    /// The pause the server asked for, measured from `now` (seconds since 1970);
    /// a date in the past means no pause. Nil when the field is unreadable.
    public static func delay(from value: String, now: Int64) -> Duration? {
        let trimmed = value.trimmingHTTPWhitespace()
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard let seconds = Int64(trimmed) else { return .seconds(Int64.max / 2) }
            return .seconds(seconds)
        }
        guard let date = HTTPDate.secondsSince1970(trimmed) else { return nil }
        return .seconds(max(0, date - now))
    }
}
