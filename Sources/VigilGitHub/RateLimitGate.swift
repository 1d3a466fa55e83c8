import Foundation

/// The pause GitHub last asked for, shared by every call of one client: while
/// it lasts, calls fail at once with the error that started it instead of
/// sending requests that would only be refused (and count against the limit).
final class RateLimitGate: @unchecked Sendable {
    private let lock = NSLock()
    private var closedUntil: Date?
    private var closingError: GitHubError?

    /// The error to fail with when the gate is still closed at `now`.
    func refusal(now: Date) -> GitHubError? {
        lock.withLock {
            guard let until = closedUntil, now < until else { return nil }
            return closingError
        }
    }

    /// Closes the gate until `until`, keeping the later pause when two overlap.
    func close(until: Date, because error: GitHubError) {
        lock.withLock {
            if let current = closedUntil, current >= until { return }
            closedUntil = until
            closingError = error
        }
    }
}
