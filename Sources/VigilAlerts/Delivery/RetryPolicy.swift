import Foundation

/// How long to wait before the next attempt. Transient failures back off
/// exponentially from `firstDelay`; a receiver's Retry-After wins when given;
/// permanent failures wait `maximumDelay`, since a person must act first.
public struct RetryPolicy: Sendable, Equatable {
    public var firstDelay: TimeInterval
    public var maximumDelay: TimeInterval

    public init(firstDelay: TimeInterval = 30, maximumDelay: TimeInterval = 3600) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// The delay after the `attempt`-th failed attempt (1 for the first).
    public func delay(afterAttempt attempt: Int, error: DeliveryError) -> TimeInterval {
        if let retryAfter = error.retryAfter { return min(max(retryAfter, 1), 6 * 3600) }
        guard error.isTransient else { return maximumDelay }
        let exponent = Double(min(max(attempt - 1, 0), 30))
        return min(firstDelay * pow(2, exponent), maximumDelay)
    }
}
