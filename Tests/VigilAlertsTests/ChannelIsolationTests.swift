import Foundation
import Testing
@testable import VigilAlerts
import VigilStore
import VigilTestSupport

/// A receiver that takes the connection and never answers, beside channels
/// that work: the dead one's hangs and retries must cost only its own alerts.
@Suite struct ChannelIsolationTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A webhook to a loopback route that reads the request and says nothing.
    func deadWebhook(_ server: FetchTestServer, timeout: Int, maxInFlight: Int) -> ChannelSettings {
        var channel = ChannelSettings(name: "dead", kind: .webhook)
        channel.url = .literal(server.url("/hook"))
        channel.timeoutSeconds = timeout
        channel.maxInFlight = maxInFlight
        channel.minSeverity = "low"
        channel.rateLimitPerHour = 0
        return channel
    }

    /// An exec channel that writes each alert to a file named by its key and
    /// logs the key, so a repeat would show as a second line.
    func fileWriter(_ fixture: AlertFixture) throws -> ChannelSettings {
        let folder = fixture.path("delivered")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var channel = ChannelSettings(name: "files", kind: .exec)
        channel.command = ["/bin/sh", "-c", #"cat > "$1/$VIGIL_IDEMPOTENCY_KEY.json" && echo "$VIGIL_IDEMPOTENCY_KEY" >> "$1.log""#, "sh", folder]
        channel.minSeverity = "low"
        channel.rateLimitPerHour = 0
        return channel
    }

    func delivered(_ fixture: AlertFixture) -> [String] {
        let log = (try? String(contentsOfFile: fixture.path("delivered.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map(String.init)
    }

    /// Waits, up to a generous deadline that only guards against a hang, for a condition.
    func eventually(_ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(300)
        while try !condition() {
            guard Date() < deadline else { throw DeadlineError(what: what) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    struct DeadlineError: Error, CustomStringConvertible {
        let what: String
        var description: String { "never happened: \(what)" }
    }

    /// The dead channel's alerts still waiting: neither delivered nor given up.
    func deadChannelWaiting(_ fixture: AlertFixture) throws -> [OutboxRecord] {
        try fixture.store.dueAlerts(channel: "dead", now: .distantFuture).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    @Test func aReceiverThatNeverAnswersDelaysOnlyItsOwnChannel() async throws {
        let server = try FetchTestServer(routes: [["path": "/hook", "never_answer": true]])
        defer { server.stop() }
        let fixture = try AlertFixture()
        // Twenty alerts at 600 s each would hold a channel for over three hours, two at a time for 100 minutes.
        let dead = deadWebhook(server, timeout: 600, maxInFlight: 2)
        let files = try fileWriter(fixture)
        let router = AlertRouter(channels: [dead, files])
        for index in 0..<20 { try fixture.addFinding(title: "first \(index)", router: router, now: Date()) }
        let firstWave = try deadChannelWaiting(fixture).compactMap(\.id)
        try #require(firstWave.count == 20)

        let dispatcher = AlertDispatcher(store: fixture.store, channels: [dead, files], pollInterval: .milliseconds(100))
        let running = Task { await dispatcher.run() }
        defer { running.cancel() }
        try await eventually("the first wave through the working channel") { delivered(fixture).count == 20 }
        try await eventually("two attempts on the dead receiver") { try server.requests().count >= 2 }

        // Alerts queued while the dead channel's pass hangs go out on the working channel at once.
        for index in 0..<20 { try fixture.addFinding(title: "second \(index)", router: router, now: Date()) }
        try await eventually("the second wave through the working channel") { delivered(fixture).count == 40 }

        let keys = delivered(fixture)
        #expect(Set(keys).count == 40, "a working channel's alert went out twice")
        let stillWaiting = try deadChannelWaiting(fixture).filter { firstWave.contains($0.id ?? 0) }
        #expect(stillWaiting.count == 20)
        // The dead channel has not even tried most of its first wave: only
        // its two places in flight were taken, and they are still hanging.
        #expect(stillWaiting.filter { $0.attempts == 0 }.count >= 18)
        #expect(try server.requests().count == 2)

        running.cancel()
        await running.value
    }

    @Test func aChannelsPassStopsStartingMessagesWhenItsTimeIsUp() async throws {
        let server = try FetchTestServer(routes: [["path": "/hook", "never_answer": true]])
        defer { server.stop() }
        let fixture = try AlertFixture()
        let dead = deadWebhook(server, timeout: 1, maxInFlight: 1)
        let router = AlertRouter(channels: [dead])
        for index in 0..<8 { try fixture.addFinding(title: "post \(index)", router: router, now: t0) }
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [dead], passTimeLimit: .seconds(2))

        let first = await dispatcher.runOnce(now: t0)
        #expect(first.retrying >= 1)
        #expect(first.deferred >= 1)
        #expect(first.retrying + first.deferred == 8)
        // What the pass did not start is untouched and still due.
        let untouched = try deadChannelWaiting(fixture).filter { $0.attempts == 0 }
        #expect(untouched.count == first.deferred)
        #expect(untouched.allSatisfy { $0.nextAttemptAt == t0 && $0.lastError == nil })

        // Later passes take the rest; every alert is tried once, none twice, none lost.
        var passes = 1
        while try deadChannelWaiting(fixture).contains(where: { $0.attempts == 0 }), passes < 20 {
            await dispatcher.runOnce(now: t0)
            passes += 1
        }
        let rows = try deadChannelWaiting(fixture)
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { $0.attempts == 1 })
        let keys = try server.requests().compactMap { $0.header("Idempotency-Key") }
        #expect(keys.count == 8)
        #expect(Set(keys) == Set(rows.map(\.idempotencyKey)))
    }
}
