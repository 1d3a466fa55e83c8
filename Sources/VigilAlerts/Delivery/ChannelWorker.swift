import Foundation
import Logging
import VigilStore

/// Works one channel's share of the outbox. Each channel has its own, so
/// nothing one channel meets (a receiver that never answers, a backlog of
/// retries, a slow command) holds up another: the channels share no pass,
/// no queue and no thread.
///
/// A pass reads the channel's due rows, gives up on those past their max
/// age, applies quiet hours, grouping and the rate limit, and sends the
/// rest, most severe first, with at most `settings.concurrency` messages on
/// their way at once. Once `passTimeLimit` has gone by it starts no further
/// message: what it did not start stays due and untouched (no attempt
/// counted, no backoff) for the next pass, which reads the outbox afresh,
/// so a new high-severity alert does not wait behind a long backlog.
///
/// Passes of one worker never overlap (a pass asked for while one runs does
/// nothing), so no row is sent twice by two passes.
actor ChannelWorker {
    let settings: ChannelSettings
    private let store: Store
    private let senders: ChannelSenders
    private let retryPolicy: RetryPolicy
    private let passTimeLimit: Duration
    private let calendar: Calendar
    private let logger: Logger
    /// The last delivery time written: each message gets its own timestamp,
    /// so the rate limit can count messages, not rows.
    private var lastStamp = Date.distantPast
    private var passInProgress = false

    init(
        settings: ChannelSettings, store: Store, senders: ChannelSenders, retryPolicy: RetryPolicy,
        passTimeLimit: Duration, calendar: Calendar, logger: Logger
    ) {
        self.settings = settings
        self.store = store
        self.senders = senders
        self.retryPolicy = retryPolicy
        self.passTimeLimit = passTimeLimit
        self.calendar = Self.zoned(calendar, settings.timeZone)
        self.logger = logger
    }

    /// One pass over the channel's alerts due at `now`.
    func pass(now: Date) async -> DispatchReport {
        guard !passInProgress else { return DispatchReport() }
        passInProgress = true
        defer { passInProgress = false }
        let started = ContinuousClock.now
        var report = DispatchReport()
        do {
            let rows = try store.dueAlerts(channel: settings.name, now: now)
            guard !rows.isEmpty else { return report }
            let live = try expire(rows, now: now, report: &report)
            guard !live.isEmpty else { return report }
            if let text = settings.quietHours, let quiet = QuietHours(parsing: text),
               let end = quiet.end(ofPeriodContaining: now, calendar: calendar) {
                try hold(live, until: end, report: &report)
                return report
            }
            let composed = try compose(live, now: now, report: &report)
            let allowed = try applyRateLimit(composed, now: now, report: &report)
            try await send(allowed, now: now, started: started, report: &report)
        } catch {
            logger.error("alert outbox update failed", metadata: ["channel": "\(settings.name)", "error": "\(error)"])
        }
        return report
    }

    /// The dispatcher's calendar, in the channel's own zone when it names one.
    private static func zoned(_ calendar: Calendar, _ zoneName: String?) -> Calendar {
        guard let zoneName, let zone = TimeZone(identifier: zoneName) else { return calendar }
        var zoned = calendar
        zoned.timeZone = zone
        return zoned
    }

    // MARK: - Deciding what goes

    /// Gives up on rows that have been failing for longer than the channel's
    /// max age and returns the rest. Only failing rows expire: one held by
    /// quiet hours, grouping or the rate limit is late by design.
    private func expire(_ rows: [OutboxRecord], now: Date, report: inout DispatchReport) throws -> [OutboxRecord] {
        let maxAge = TimeInterval(settings.maxAgeSeconds)
        var live: [OutboxRecord] = []
        for row in rows {
            guard row.attempts > 0, now.timeIntervalSince(row.createdAt) >= maxAge else {
                live.append(row)
                continue
            }
            let last = row.lastError.map { ": last error: \($0)" } ?? ""
            try fail([row], now: now, reason: "not delivered within \(settings.maxAgeSeconds)s after \(row.attempts) attempts\(last)", report: &report)
        }
        return live
    }

    /// Turns rows into messages: each digest and each burst alone; findings
    /// one per message, or, with a group window, one message per person. The
    /// first alert about a person goes at once; what follows within the
    /// window waits and goes as one message when the window after the last
    /// message closes.
    private func compose(_ rows: [OutboxRecord], now: Date, report: inout DispatchReport) throws -> [OutgoingMessage] {
        var messages: [OutgoingMessage] = []
        var findingsByPerson: [String: [(OutboxRecord, FindingAlert)]] = [:]
        for row in rows {
            let data = Data(row.payload.utf8)
            if let digest = try? AlertJSON.decoder.decode(DigestMessage.self, from: data), digest.type == "digest" {
                let envelope = AlertEnvelope(kind: .digest, channel: settings.name, idempotencyKey: row.idempotencyKey, findings: [], digest: digest)
                messages.append(OutgoingMessage(rows: [row], envelope: envelope))
            } else if let burst = try? AlertJSON.decoder.decode(BurstAlert.self, from: data), burst.type == "burst" {
                let envelope = AlertEnvelope(channel: settings.name, idempotencyKey: row.idempotencyKey, burst: burst)
                messages.append(OutgoingMessage(rows: [row], envelope: envelope))
            } else if let finding = try? AlertJSON.decoder.decode(FindingAlert.self, from: data) {
                findingsByPerson[finding.person.lowercased(), default: []].append((row, finding))
            } else {
                try fail([row], now: now, reason: "the queued payload cannot be read", report: &report)
            }
        }

        guard settings.groupWindowSeconds > 0 else {
            for entries in findingsByPerson.values {
                for entry in entries { messages.append(.findings(channel: settings.name, entries: [entry])) }
            }
            return messages
        }
        let window = TimeInterval(settings.groupWindowSeconds)
        var lastSent: [String: Date] = [:]
        for row in try store.deliveredAlerts(channel: settings.name, since: now.addingTimeInterval(-window)) {
            guard let at = row.deliveredAt,
                  let finding = try? AlertJSON.decoder.decode(FindingAlert.self, from: Data(row.payload.utf8)) else { continue }
            let person = finding.person.lowercased()
            lastSent[person] = max(lastSent[person] ?? at, at)
        }
        for (person, entries) in findingsByPerson {
            if let last = lastSent[person], last.addingTimeInterval(window) > now {
                try hold(entries.map(\.0), until: last.addingTimeInterval(window), report: &report)
            } else {
                messages.append(.findings(channel: settings.name, entries: entries))
            }
        }
        return messages
    }

    /// Orders messages most severe first, then oldest, and holds those that
    /// would exceed the channel's messages per hour until the window has room.
    private func applyRateLimit(_ messages: [OutgoingMessage], now: Date, report: inout DispatchReport) throws -> [OutgoingMessage] {
        let ordered = messages.sorted {
            let left = $0.envelope.severity ?? .none, right = $1.envelope.severity ?? .none
            if left != right { return left > right }
            guard let leftFirst = $0.firstQueued, let rightFirst = $1.firstQueued else { return false }
            return leftFirst < rightFirst
        }
        guard settings.rateLimitPerHour > 0 else { return ordered }
        // Every message's rows share one delivery time, so distinct times count messages.
        let hourAgo = now.addingTimeInterval(-3600)
        let stamps = Set(try store.deliveredAlerts(channel: settings.name, since: hourAgo).compactMap(\.deliveredAt))
            .filter { $0 > hourAgo }.sorted()
        let room = max(settings.rateLimitPerHour - stamps.count, 0)
        guard ordered.count > room else { return ordered }
        // The window reopens when the oldest message that fills it, counting
        // those about to go, is an hour old.
        let filled = stamps + Array(repeating: now, count: room)
        let reopens = filled[filled.count - settings.rateLimitPerHour].addingTimeInterval(3600)
        try hold(ordered[room...].flatMap(\.rows), until: max(reopens, now.addingTimeInterval(1)), report: &report)
        return Array(ordered[..<room])
    }

    // MARK: - Sending

    /// What became of one message's attempt.
    private struct Attempt: Sendable {
        var message: OutgoingMessage
        var error: (any Error)?
    }

    /// Sends in order with at most `settings.concurrency` messages on their
    /// way, and starts none once the pass has had its time; those stay due.
    private func send(_ messages: [OutgoingMessage], now: Date, started: ContinuousClock.Instant, report: inout DispatchReport) async throws {
        guard !messages.isEmpty else { return }
        let deadline = started.advanced(by: passTimeLimit)
        let width = settings.concurrency
        let (sent, left, bookkeeping) = await withTaskGroup(of: Attempt.self) { group -> (DispatchReport, ArraySlice<OutgoingMessage>, (any Error)?) in
            var pending = messages[...]
            var sent = DispatchReport()
            var bookkeeping: (any Error)?
            var inFlight = 0
            while true {
                while inFlight < width, bookkeeping == nil, ContinuousClock.now < deadline, let message = pending.popFirst() {
                    do {
                        let sender = try senders.sender(for: settings)
                        inFlight += 1
                        group.addTask { await Self.attempt(message, with: sender) }
                    } catch {
                        // A missing secret: an attempt that failed before it began.
                        do {
                            try record(Attempt(message: message, error: error), now: now, report: &sent)
                        } catch {
                            bookkeeping = error
                        }
                    }
                }
                guard let attempt = await group.next() else { break }
                inFlight -= 1
                do {
                    try record(attempt, now: now, report: &sent)
                } catch {
                    bookkeeping = bookkeeping ?? error
                }
            }
            return (sent, pending, bookkeeping)
        }
        report.add(sent)
        if let bookkeeping { throw bookkeeping }
        let rows = left.reduce(0) { $0 + $1.rows.count }
        guard rows > 0 else { return }
        report.deferred += rows
        logger.info("channel pass ran out of time; the rest waits for the next pass", metadata: [
            "channel": "\(settings.name)", "messages": "\(left.count)", "rows": "\(rows)",
            "limit_seconds": "\(passTimeLimit.components.seconds)",
        ])
    }

    /// Sends one message; the outcome is written by the worker.
    private static func attempt(_ message: OutgoingMessage, with sender: any AlertSender) async -> Attempt {
        do {
            try await sender.send(message.envelope)
            return Attempt(message: message, error: nil)
        } catch {
            return Attempt(message: message, error: error)
        }
    }

    /// Writes one attempt's outcome at once, so a restart resumes where it was.
    private func record(_ attempt: Attempt, now: Date, report: inout DispatchReport) throws {
        let ids = attempt.message.rows.compactMap(\.id)
        guard let error = attempt.error else {
            let stamp = max(now, lastStamp.addingTimeInterval(0.002))
            lastStamp = stamp
            try store.markAlertsDelivered(ids: ids, at: stamp)
            report.delivered += ids.count
            report.messages += 1
            return
        }
        let attemptNumber = (attempt.message.rows.map(\.attempts).max() ?? 0) + 1
        let delivery = error as? DeliveryError
        let next = now.addingTimeInterval(delivery.map { retryPolicy.delay(afterAttempt: attemptNumber, error: $0) } ?? retryPolicy.maximumDelay)
        let message = delivery?.message ?? "\(error)"
        try store.markAlertAttemptFailed(ids: ids, error: message, nextAttemptAt: next)
        report.retrying += ids.count
        logger.warning("alert delivery failed", metadata: [
            "channel": "\(settings.name)", "key": "\(attempt.message.envelope.idempotencyKey)", "attempt": "\(attemptNumber)",
            "error": "\(message)", "next_attempt": "\(AlertJSON.timestamp(next))",
        ])
    }

    // MARK: - Outbox writes

    private func hold(_ rows: [OutboxRecord], until date: Date, report: inout DispatchReport) throws {
        try store.postponeAlerts(ids: rows.compactMap(\.id), until: date)
        report.held += rows.count
    }

    private func fail(_ rows: [OutboxRecord], now: Date, reason: String, report: inout DispatchReport) throws {
        try store.markAlertsFailed(ids: rows.compactMap(\.id), at: now, error: reason)
        report.failed += rows.count
        logger.error("alert given up", metadata: ["channel": "\(settings.name)", "rows": "\(rows.count)", "reason": "\(reason)"])
    }
}
