import Foundation
import VigilAlerts
import VigilStore

/// What the daemon needs to send the scheduled digest exactly once per
/// period: which period is due, the rendered digest, and the atomic record
/// that marks it sent and queues it for the channels. The record lives in
/// the database, so a restart neither skips nor repeats a period.
///
/// The daemon's loop: `if let period = try delivery.dueDigest(now: now)`,
/// then `let prepared = try delivery.prepare(period: period, now: now)` and
/// `try delivery.recordSent(prepared, channels: settings.channels)`; the
/// alert dispatcher then delivers the queued rows with its retries. A nil
/// from `recordSent` means another run already sent that period.
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
    /// was already recorded as sent. Only that exact period counts: a digest
    /// sent by hand (`vigil digest --send`) covers another span and does not
    /// stand in for the scheduled one.
    public func dueDigest(now: Date) throws -> DigestPeriod? {
        guard let period = schedule.duePeriod(now: now, lastSentEnd: nil) else { return nil }
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
        return try PreparedDigest.render(digest, format: format)
    }

    /// Records the digest as sent and queues it for each of `channels`, in
    /// one transaction; nil, writing nothing, when the period was already
    /// recorded.
    public func recordSent(_ prepared: PreparedDigest, channels: [String]) throws -> DigestRecord? {
        try recordSent(prepared, alerts: channels.map { channel in
            prepared.message.draft(channel: channel, idempotencyKey: idempotencyKey(for: prepared.digest.period, channel: channel))
        })
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
        Self.idempotencyKey(scope: scope, period: period, channel: channel)
    }

    /// Keys travel in HTTP headers and e-mail Message-IDs, so names are
    /// written with letters, digits and `-` only: any other byte becomes
    /// `.XX` (hex), which keeps different names apart.
    public static func idempotencyKey(scope: FindingScope, period: DigestPeriod, channel: String) -> String {
        let start = Int64(period.start.timeIntervalSince1970.rounded(.down))
        let end = Int64(period.end.timeIntervalSince1970.rounded(.down))
        return "digest-\(headerSafe(scope.key))-\(start)-\(end)-\(headerSafe(channel))"
    }

    static func headerSafe(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(format: ".%02X", byte)
            }
        }
        return result
    }
}
