/// How long to wait before polling a feed that keeps failing: doubling from
/// `initialDelay` with each consecutive failure, capped, and jittered downward
/// so that feeds that failed together (one host down) do not return together.
public struct FailureBackoff: Sendable, Equatable {
    public var initialDelay: Duration
    public var maximumDelay: Duration
    /// The fraction of the delay that may be taken off at random (0 to 1).
    public var jitter: Double

    public init(initialDelay: Duration = .seconds(120), maximumDelay: Duration = .seconds(24 * 3600), jitter: Double = 0.25) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before the next attempt after `consecutiveFailures` failures in a row
    /// (1 for the first). Never more than `maximumDelay`, never less than `1 - jitter` of the
    /// unjittered delay.
    public func delay(afterFailures consecutiveFailures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let exact = unjitteredDelay(afterFailures: consecutiveFailures)
        guard jitter > 0 else { return exact }
        let factor = 1 - Double.random(in: 0...jitter, using: &generator)
        return exact * factor
    }

    public func delay(afterFailures consecutiveFailures: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterFailures: consecutiveFailures, using: &generator)
    }

    /// The delay before jitter: `initialDelay × 2^(failures−1)`, capped.
    public func unjitteredDelay(afterFailures consecutiveFailures: Int) -> Duration {
        guard consecutiveFailures > 0 else { return .zero }
        let doublings = min(consecutiveFailures - 1, 40)
        return min(initialDelay * (1 << doublings), maximumDelay)
    }

    /// The delay after a failure that may carry a Retry-After: the longer of the
    /// backoff and what the server asked for, still capped.
    public func delay(afterFailures consecutiveFailures: Int, retryAfter: Duration?,
                      using generator: inout some RandomNumberGenerator) -> Duration {
        let backoff = delay(afterFailures: consecutiveFailures, using: &generator)
        guard let retryAfter else { return backoff }
        return min(max(backoff, retryAfter), maximumDelay)
    }
}
