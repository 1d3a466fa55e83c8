import Foundation

/// The span a digest covers, half-open: findings created at or after `start`
/// and before `end`.
public struct DigestPeriod: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// The last `seconds` before `now`, as `vigil digest --since 7d` means it.
    public static func last(seconds: Int, before now: Date) -> DigestPeriod {
        DigestPeriod(start: now.addingTimeInterval(-Double(seconds)), end: now)
    }

    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// `count` periods of this one's length ending with this one, oldest
    /// first: the trend a free-form period is compared against.
    public func withPreceding(_ count: Int) -> [DigestPeriod] {
        (0...max(0, count)).reversed().map { back in
            DigestPeriod(start: start.addingTimeInterval(-duration * Double(back)), end: end.addingTimeInterval(-duration * Double(back)))
        }
    }
}
