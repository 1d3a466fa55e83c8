import Foundation
import Logging
import VigilAlerts
import VigilDigest
import VigilStore

/// Sends the scheduled digest through the configured channels exactly once
/// per period: the digest record and its outbox rows are written in one
/// transaction keyed by the period, so a restart neither skips nor repeats one.
public struct DigestLoop: Sendable {
    public let delivery: DigestDelivery
    public let channels: [String]
    public let logger: Logger

    public init(delivery: DigestDelivery, channels: [String], logger: Logger) {
        self.delivery = delivery
        self.channels = channels
        self.logger = logger
    }

    /// Queues the due digest, if one is due; nil when none was.
    @discardableResult
    public func runOnce(now: Date = Date()) throws -> DigestRecord? {
        guard let period = try delivery.dueDigest(now: now) else { return nil }
        let prepared = try delivery.prepare(period: period, now: now)
        let text = try DigestFormat.text.render(prepared.digest)
        let html = try DigestFormat.html.render(prepared.digest)
        let subject = "vigil digest: \(prepared.digest.scopeTitle), \(prepared.digest.totals.hostile) hostile findings"
        let message = DigestMessage(subject: subject, text: text, html: html)
        let drafts = channels.map { message.draft(channel: $0, idempotencyKey: delivery.idempotencyKey(for: period, channel: $0)) }
        let record = try delivery.recordSent(prepared, alerts: drafts)
        if record != nil {
            logger.info("digest queued", metadata: ["period_end": "\(period.end)", "channels": "\(channels.joined(separator: ","))"])
        }
        return record
    }

    /// Checks at each scheduled time (and at least hourly, to survive clock changes).
    public func run() async throws {
        while !Task.isCancelled {
            do {
                try runOnce()
            } catch {
                logger.error("digest failed", metadata: ["error": "\(error)"])
            }
            let wait = min(max(delivery.nextCheck(after: Date()).timeIntervalSinceNow, 1), 3600)
            try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
        }
    }
}
