/// Keeps requests to one host apart: at most `maxConcurrent` in flight, starts at
/// least `minimumGap` apart, and none while the host's Retry-After pause lasts.
/// A plain value, so the fetcher and the daemon's scheduler share the rules.
public struct HostPoliteness: Sendable {
    private struct HostState: Sendable {
        var active = 0
        var lastStart: ContinuousClock.Instant?
        var pausedUntil: ContinuousClock.Instant?
    }

    public var minimumGap: Duration
    public var maxConcurrent: Int
    private var hosts: [String: HostState] = [:]

    public init(minimumGap: Duration, maxConcurrent: Int) {
        self.minimumGap = max(.zero, minimumGap)
        self.maxConcurrent = max(1, maxConcurrent)
    }

    /// The earliest instant a request to `host` may start, or nil while the host
    /// already has `maxConcurrent` requests in flight (wait for one to finish).
    public func earliestStart(host: String, now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let state = hosts[host] else { return now }
        guard state.active < maxConcurrent else { return nil }
        var earliest = now
        if let lastStart = state.lastStart { earliest = max(earliest, lastStart + minimumGap) }
        if let pausedUntil = state.pausedUntil { earliest = max(earliest, pausedUntil) }
        return earliest
    }

    /// The end of a pause the host asked for, if it has not passed.
    public func pausedUntil(host: String, now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let until = hosts[host]?.pausedUntil, until > now else { return nil }
        return until
    }

    public mutating func recordStart(host: String, at instant: ContinuousClock.Instant) {
        hosts[host, default: HostState()].active += 1
        hosts[host]?.lastStart = instant
    }

    public mutating func recordFinish(host: String) {
        guard var state = hosts[host] else { return }
        state.active = max(0, state.active - 1)
        hosts[host] = state
    }

    /// The host answered 429 or 503 with Retry-After: no request to it before `until`.
    public mutating func pause(host: String, until: ContinuousClock.Instant) {
        var state = hosts[host, default: HostState()]
        state.pausedUntil = max(state.pausedUntil ?? until, until)
        hosts[host] = state
    }

    /// Drops hosts with nothing in flight and nothing left to enforce, so that a
    /// long-running daemon does not keep every host it ever met.
    public mutating func forgetIdleHosts(now: ContinuousClock.Instant) {
        hosts = hosts.filter { _, state in
            state.active > 0
                || (state.lastStart.map { $0 + minimumGap > now } ?? false)
                || (state.pausedUntil.map { $0 > now } ?? false)
        }
    }

    public var trackedHostCount: Int { hosts.count }
}
