import Foundation

/// Limits password guessing: after `maximumFailures` failed logins for one
/// user name from one address within `window`, further attempts are refused
/// unchecked until the oldest failure leaves the window. Kept in memory: a
/// restart forgets, which costs an attacker a restart per five guesses.
actor LoginThrottle {
    static let maximumFailures = 5
    static let window: TimeInterval = 15 * 60

    private var failures: [String: [Date]] = [:]

    /// Whether an attempt for `name` from `address` may be checked now.
    func allows(name: String, address: String, now: Date) -> Bool {
        recent(key(name, address), now: now).count < Self.maximumFailures
    }

    func recordFailure(name: String, address: String, now: Date) {
        let key = key(name, address)
        failures[key] = recent(key, now: now) + [now]
        if failures.count > 10_000 { forgetExpired(now: now) }
    }

    func recordSuccess(name: String, address: String) {
        failures[key(name, address)] = nil
    }

    private func recent(_ key: String, now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
    }

    private func forgetExpired(now: Date) {
        failures = failures.compactMapValues { dates in
            let kept = dates.filter { now.timeIntervalSince($0) < Self.window }
            return kept.isEmpty ? nil : kept
        }
    }

    private func key(_ name: String, _ address: String) -> String {
        name.lowercased() + "\u{0}" + address
    }
}
