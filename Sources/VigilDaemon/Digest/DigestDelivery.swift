import Foundation
import VigilStore

/// What the daemon needs to send the scheduled digest exactly once per
/// period: which period is due, the rendered digest, and the atomic record
/// that marks it sent and queues it for the channels. The record lives in
/// the database, so a restart neither skips nor repeats a period.
///
/// The daemon's loop: `if let period = try delivery.dueDigest(now: now)`,
/// then `try delivery.prepare(period: period, now: now)` and
/// `try delivery.recordSent(prepared, alerts: ...)`; a nil from
/// `recordSent` means another run already sent that period.
public struct DigestDelivery: Sendable {
    public let store: Store
    public let schedule: DigestSchedule
    public let format: DigestFormat
    public let scope: FindingScope
    /// How many periods before the reported one the trend shows.
    public var trendPeriods = 7

    public init(store: Store, settings: DigestSettings, scope: FindingScope = .all) throws {
        self.store = store
        self.schedule = try DigestSchedule(settings: settings)
        self.format = try DigestFormat(parsing: settings.format)
        self.scope = scope
    }

    public init(store: Store, schedule: DigestSchedule, format: DigestFormat, scope: FindingScope = .all) {
        self.store = store
        self.schedule = schedule
        self.format = format
        self.scope = scope
    }

    /// The period whose digest is due at `now`, or nil when the latest one
    /// was already recorded as sent.
    public func dueDigest(now: Date) throws -> DigestPeriod? {
        let lastEnd = try store.lastRecordedDigest(scope: scope)?.periodEnd
        guard let period = schedule.duePeriod(now: now, lastSentEnd: lastEnd) else { return nil }
        return try store.digestRecorded(periodStart: period.start, periodEnd: period.end, scope: scope) ? nil : period
    }

    /// When the daemon should look again: the next send time after `now`.
    public func nextCheck(after now: Date) -> Date {
        schedule.nextSend(after: now)
    }

    /// Builds and renders the digest of `period` in the configured format.
    public func prepare(period: DigestPeriod, now: Date) throws -> PreparedDigest {
        let builder = DigestBuilder(store: store, timeZone: schedule.timeZone)
        let digest = try builder.build(scope: scope, periods: schedule.periods(endingWith: period, preceding: trendPeriods), now: now)
        return PreparedDigest(digest: digest, format: format, body: try format.render(digest))
    }

    /// Records the digest as sent and queues `alerts` (one per channel) in
    /// one transaction. Returns nil, writing nothing, when the period was
    /// already recorded.
    public func recordSent(_ prepared: PreparedDigest, alerts: [AlertDraft]) throws -> DigestRecord? {
        try store.recordDigestSent(
            DigestRecord(
                periodStart: prepared.digest.period.start, periodEnd: prepared.digest.period.end, scope: scope.key,
                format: prepared.format.rawValue, body: prepared.body, createdAt: prepared.digest.generatedAt),
            alerts: alerts)
    }

    /// The idempotency key of a digest on one channel, stable across restarts.
    public func idempotencyKey(for period: DigestPeriod, channel: String) -> String {
        let seconds = Int64(period.end.timeIntervalSince1970)
        return "digest:\(scope.key):\(Int64(period.start.timeIntervalSince1970))-\(seconds):\(channel)"
    }
}
