import Foundation
import Logging
import VigilStore

/// Works the alert outbox: takes due rows, applies each channel's quiet
/// hours, grouping and rate limit, sends, and writes every outcome back at
/// once. Delivery is at least once: a crash after a send and before its row
/// is marked sends it again, with the same idempotency key.
///
/// It runs as its own task (`run()`), never inside polling; channels are
/// worked concurrently, so one slow receiver delays only its own alerts.
public actor AlertDispatcher {
    public let store: Store
    public let retryPolicy: RetryPolicy
    /// How often `run()` looks for due alerts.
    public let pollInterval: Duration
    private let channels: [String: ChannelSettings]
    private let senders: ChannelSenders
    private let calendar: Calendar
    private let logger: Logger
    /// The last delivery time written per channel: each message gets its own
    /// timestamp, so the rate limit can count messages, not rows.
    private var lastStamp: [String: Date] = [:]
    private var passInProgress = false

    public init(
        store: Store, channels: [ChannelSettings], senders: ChannelSenders = ChannelSenders(),
        retryPolicy: RetryPolicy = RetryPolicy(), pollInterval: Duration = .seconds(2),
        calendar: Calendar = .current, logger: Logger = Logger(label: "vigil.alerts")
    ) {
        self.store = store
        self.channels = Dictionary(channels.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.senders = senders
        self.retryPolicy = retryPolicy
        self.pollInterval = pollInterval
        self.calendar = calendar
        self.logger = logger
    }

    /// Delivers until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            await runOnce(now: Date())
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// One pass over the alerts due at `now`.
    @discardableResult
    public func runOnce(now: Date = Date()) async -> DispatchReport {
        // Two overlapping passes could both send the same rows.
        guard !passInProgress else { return DispatchReport() }
        passInProgress = true
        defer { passInProgress = false }
        let due: [OutboxRecord]
        do {
            due = try store.dueAlerts(now: now)
        } catch {
            logger.error("cannot read the alert outbox", metadata: ["error": "\(error)"])
            return DispatchReport()
        }
        let byChannel = Dictionary(grouping: due, by: \.channel)
        var report = DispatchReport()
        await withTaskGroup(of: DispatchReport.self) { group in
            for (channel, rows) in byChannel {
                group.addTask { await self.work(channel: channel, rows: rows, now: now) }
            }
            for await partial in group { report.add(partial) }
        }
        return report
    }

    // MARK: - One channel

    /// A message about to go out, and the rows it carries.
    struct Outgoing {
        var rows: [OutboxRecord]
        var envelope: AlertEnvelope
    }

    /// The dispatcher's calendar, in the channel's own zone when it names one.
    private func calendar(for settings: ChannelSettings) -> Calendar {
        guard let name = settings.timeZone, let zone = TimeZone(identifier: name) else { return calendar }
        var zoned = calendar
        zoned.timeZone = zone
        return zoned
    }

    private func work(channel name: String, rows: [OutboxRecord], now: Date) async -> DispatchReport {
        var report = DispatchReport()
        do {
            guard let settings = channels[name] else {
                try fail(rows, now: now, reason: "channel '\(name)' is no longer configured", report: &report)
                return report
            }
            let live = try expire(rows, settings: settings, now: now, report: &report)
            guard !live.isEmpty else { return report }
            if let text = settings.quietHours, let quiet = QuietHours(parsing: text),
               let end = quiet.end(ofPeriodContaining: now, calendar: calendar(for: settings)) {
                try hold(live, until: end, report: &report)
                return report
            }
            let composed = try compose(live, settings: settings, now: now, report: &report)
            let allowed = try applyRateLimit(composed, settings: settings, now: now, report: &report)
            for message in allowed {
                try await deliver(message, settings: settings, now: now, report: &report)
            }
        } catch {
            logger.error("alert outbox update failed", metadata: ["channel": "\(name)", "error": "\(error)"])
        }
        return report
    }

    /// Gives up on rows that have been failing for longer than the channel's
    /// max age and returns the rest. Only failing rows expire: one held by
    /// quiet hours, grouping or the rate limit is late by design.
    private func expire(_ rows: [OutboxRecord], settings: ChannelSettings, now: Date, report: inout DispatchReport) throws -> [OutboxRecord] {
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

    /// Turns rows into messages: each digest alone; findings one per message,
    /// or, with a group window, one message per person. The first alert about
    /// a person goes at once; what follows within the window waits and goes
    /// as one message when the window after the last message closes.
    private func compose(_ rows: [OutboxRecord], settings: ChannelSettings, now: Date, report: inout DispatchReport) throws -> [Outgoing] {
        var messages: [Outgoing] = []
        var findingsByPerson: [String: [(OutboxRecord, FindingAlert)]] = [:]
        for row in rows {
            let data = Data(row.payload.utf8)
            if let digest = try? AlertJSON.decoder.decode(DigestMessage.self, from: data), digest.type == "digest" {
                let envelope = AlertEnvelope(kind: .digest, channel: settings.name, idempotencyKey: row.idempotencyKey, findings: [], digest: digest)
                messages.append(Outgoing(rows: [row], envelope: envelope))
            } else if let finding = try? AlertJSON.decoder.decode(FindingAlert.self, from: data) {
                findingsByPerson[finding.person.lowercased(), default: []].append((row, finding))
            } else {
                try fail([row], now: now, reason: "the queued payload cannot be read", report: &report)
            }
        }

        guard settings.groupWindowSeconds > 0 else {
            for entries in findingsByPerson.values {
                for entry in entries { messages.append(Self.message(channel: settings.name, entries: [entry])) }
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
                messages.append(Self.message(channel: settings.name, entries: entries))
            }
        }
        return messages
    }

    /// Orders messages most severe first, then oldest, and holds those that
    /// would exceed the channel's messages per hour until the window has room.
    private func applyRateLimit(_ messages: [Outgoing], settings: ChannelSettings, now: Date, report: inout DispatchReport) throws -> [Outgoing] {
        let ordered = messages.sorted {
            let left = $0.envelope.severity ?? .none, right = $1.envelope.severity ?? .none
            if left != right { return left > right }
            let leftFirst = $0.rows.map { ($0.createdAt, $0.id ?? 0) }.min { $0 < $1 }
            let rightFirst = $1.rows.map { ($0.createdAt, $0.id ?? 0) }.min { $0 < $1 }
            guard let leftFirst, let rightFirst else { return false }
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

    private func deliver(_ message: Outgoing, settings: ChannelSettings, now: Date, report: inout DispatchReport) async throws {
        let ids = message.rows.compactMap(\.id)
        do {
            let sender = try senders.sender(for: settings)
            try await sender.send(message.envelope)
            let previous = lastStamp[settings.name] ?? .distantPast
            let stamp = max(now, previous.addingTimeInterval(0.002))
            lastStamp[settings.name] = stamp
            try store.markAlertsDelivered(ids: ids, at: stamp)
            report.delivered += ids.count
            report.messages += 1
        } catch let error as DeliveryError {
            let attempt = (message.rows.map(\.attempts).max() ?? 0) + 1
            let next = now.addingTimeInterval(retryPolicy.delay(afterAttempt: attempt, error: error))
            try store.markAlertAttemptFailed(ids: ids, error: error.message, nextAttemptAt: next)
            report.retrying += ids.count
            logger.warning("alert delivery failed", metadata: [
                "channel": "\(settings.name)", "key": "\(message.envelope.idempotencyKey)", "attempt": "\(attempt)",
                "error": "\(error.message)", "next_attempt": "\(AlertJSON.timestamp(next))",
            ])
        } catch {
            let next = now.addingTimeInterval(retryPolicy.maximumDelay)
            try store.markAlertAttemptFailed(ids: ids, error: "\(error)", nextAttemptAt: next)
            report.retrying += ids.count
        }
    }

    private func hold(_ rows: [OutboxRecord], until date: Date, report: inout DispatchReport) throws {
        try store.postponeAlerts(ids: rows.compactMap(\.id), until: date)
        report.held += rows.count
    }

    private func fail(_ rows: [OutboxRecord], now: Date, reason: String, report: inout DispatchReport) throws {
        try store.markAlertsFailed(ids: rows.compactMap(\.id), at: now, error: reason)
        report.failed += rows.count
        logger.error("alert given up", metadata: ["rows": "\(rows.count)", "reason": "\(reason)"])
    }

    /// One message for a person's findings. A single finding keeps its own
    /// key; a group gets a key derived from all of its members' keys.
    static func message(channel: String, entries: [(OutboxRecord, FindingAlert)]) -> Outgoing {
        let sorted = entries.sorted { ($0.0.createdAt, $0.0.id ?? 0) < ($1.0.createdAt, $1.0.id ?? 0) }
        let key: String
        if sorted.count == 1 {
            key = sorted[0].0.idempotencyKey
        } else {
            let joined = sorted.map(\.0.idempotencyKey).sorted().joined(separator: "\n")
            key = "group-" + Hex.encode(Array(SHA256.hash(Array(joined.utf8)).prefix(12)))
        }
        return Outgoing(rows: sorted.map(\.0), envelope: AlertEnvelope(kind: .alert, channel: channel, idempotencyKey: key, findings: sorted.map(\.1)))
    }
}
