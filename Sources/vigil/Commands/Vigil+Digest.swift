import ArgumentParser
import Foundation
import VigilAlerts
import VigilDaemon
import VigilDigest
import VigilStore

extension Vigil {
    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise findings for a period: per person and team, top findings, sources, trend.",
            discussion: """
                The period is the last --since (default 7d) up to now, compared with the period of the \
                same length before it; the trend covers seven periods before it. Dates are shown in the \
                config's [digest] time_zone, or the machine's. The daemon sends the scheduled digest by itself.

                --send delivers at once through a configured channel (quiet hours and rate limits do not \
                apply to a digest asked for by hand); the digest is recorded and, if delivery fails for a \
                reason that may pass, left in the outbox for `vigil run` to retry. Exit 1 when it was not delivered.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The period, ending now, e.g. 24h, 7d, 2w.", valueName: "duration"))
        var since: String = "7d"

        @Option(help: "Only this person.") var person: String?
        @Option(help: "Only this team.") var team: String?
        @Option(help: "text, markdown, html or json.") var format: String = "text"
        @Option(help: "Send it through this channel instead of printing it.") var send: String?

        func run() async throws {
            guard let seconds = DurationParser.seconds(since), seconds > 0 else {
                throw CommandFailure.badInput("--since: '\(since)' is not a duration like 24h, 7d or 2w")
            }
            guard seconds <= 366 * 86_400 else {
                throw CommandFailure.badInput("--since: '\(since)' is longer than a year")
            }
            if person != nil, team != nil {
                throw CommandFailure.badInput("give --person or --team, not both")
            }
            let renderFormat: DigestFormat
            do {
                renderFormat = try DigestFormat(parsing: format)
            } catch let error as DigestError {
                throw CommandFailure.badInput(error.message)
            }
            let context = try await CommandContext.open(global)
            var zone = TimeZone.current
            if let name = context.config?.digest.timeZone, let named = TimeZone(identifier: name) { zone = named }
            let scope: FindingScope = person.map { .person($0) } ?? team.map { .team($0) } ?? .all
            let now = Date()
            let period = DigestPeriod.last(seconds: seconds, before: now)
            let digest: VigilDigest.Digest
            do {
                digest = try DigestBuilder(store: context.store, timeZone: zone).build(scope: scope, periods: period.withPreceding(7), now: now)
            } catch let error as DigestError {
                throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
            }
            guard let send else {
                Output.text(try renderFormat.render(digest))
                return
            }
            try await Self.send(digest, format: renderFormat, through: send, context: context, now: now)
        }

        /// Records the digest with one outbox row for the channel, delivers it
        /// at once, and marks the row with the outcome, so the outbox tells the
        /// truth whatever happens next.
        static func send(_ digest: VigilDigest.Digest, format: DigestFormat, through channel: String, context: CommandContext, now: Date) async throws {
            guard let config = context.config else {
                throw CommandFailure.badInput("no config file; channels are declared there (`vigil init` writes one)")
            }
            guard let settings = config.channels.first(where: { $0.name == channel }) else {
                let known = config.channels.map(\.name)
                let hint = known.isEmpty ? "no channels are configured" : "configured: \(known.joined(separator: ", "))"
                throw CommandFailure.badInput("no channel named '\(channel)' in \(config.path) (\(hint))")
            }
            let store = context.store
            let prepared = try PreparedDigest.render(digest, format: format)
            let scope = try store.resolve(Self.scope(fromKey: digest.scope))
            let key = DigestDelivery.idempotencyKey(scope: scope, period: digest.period, channel: settings.name)
            let record = DigestRecord(
                periodStart: digest.period.start, periodEnd: digest.period.end, scope: digest.scope, format: format.rawValue,
                body: prepared.body, createdAt: now)
            // Held back ten minutes from a running daemon's dispatcher while this command sends it.
            let lease = now.addingTimeInterval(600)
            guard let recorded = try store.recordDigestSent(record, alerts: [prepared.message.draft(channel: settings.name, idempotencyKey: key)], notBefore: lease),
                  let digestID = recorded.id
            else {
                throw CommandFailure.runtime("a digest for this exact period was already recorded; try again")
            }
            let outboxIDs = try store.digestOutbox(digestID: digestID).compactMap(\.id)
            let envelope = AlertEnvelope(kind: .digest, channel: settings.name, idempotencyKey: key, findings: [], digest: prepared.message)
            do {
                let sender = try ChannelSenders().sender(for: settings)
                try await sender.send(envelope)
                try store.markAlertsDelivered(ids: outboxIDs, at: Date())
            } catch let error as DeliveryError {
                if error.isTransient {
                    let next = Date().addingTimeInterval(RetryPolicy().delay(afterAttempt: 1, error: error))
                    try store.markAlertAttemptFailed(ids: outboxIDs, error: error.message, nextAttemptAt: next)
                    throw CommandFailure.runtime("sending the digest through '\(settings.name)' failed: \(error.message); it stays queued and `vigil run` retries it")
                }
                try store.markAlertsFailed(ids: outboxIDs, at: Date(), error: error.message)
                throw CommandFailure.runtime("sending the digest through '\(settings.name)' failed: \(error.message)")
            }
            Output.line("sent the digest through '\(settings.name)' (\(settings.kind.rawValue)); idempotency key \(key)")
        }

        static func scope(fromKey key: String) -> FindingScope {
            if key.hasPrefix("person:") { return .person(String(key.dropFirst("person:".count))) }
            if key.hasPrefix("team:") { return .team(String(key.dropFirst("team:".count))) }
            return .all
        }
    }
}
