import Foundation

/// Formats durations the way `DurationParser` reads them, so output can be
/// pasted back into config: "15m", "1h30m", "2d".
public enum DurationFormatter {
    public static func string(seconds: Int) -> String {
        if seconds <= 0 { return "0s" }
        var remaining = seconds
        var parts = ""
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where remaining >= size {
            parts += "\(remaining / size)\(unit)"
            remaining %= size
        }
        return parts
    }

    /// "in 5m", "3h ago", "now": a time relative to `now`, to the largest unit.
    public static func relative(_ date: Date, now: Date) -> String {
        let delta = Int(date.timeIntervalSince(now).rounded())
        if abs(delta) < 60 { return "now" }
        let magnitude = abs(delta)
        let coarse: String
        switch magnitude {
        case ..<3600: coarse = "\(magnitude / 60)m"
        case ..<86_400: coarse = "\(magnitude / 3600)h"
        default: coarse = "\(magnitude / 86_400)d"
        }
        return delta > 0 ? "in \(coarse)" : "\(coarse) ago"
    }
}
