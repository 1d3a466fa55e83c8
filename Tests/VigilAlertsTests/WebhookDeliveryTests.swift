import Foundation
import Testing
@testable import VigilAlerts
import VigilStore

/// The outbox delivered to a real HTTP receiver on loopback.
@Suite struct WebhookDeliveryTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func webhook(_ receiver: HTTPReceiver, secret: String? = "s3cret", timeout: Int = 5) -> ChannelSettings {
        var channel = ChannelSettings(name: "ops", kind: .webhook)
        channel.url = .literal(receiver.url("/hook"))
        channel.secret = secret.map { .literal($0) }
        channel.headers = ["X-Team": "core"]
        channel.timeoutSeconds = timeout
        channel.minSeverity = "medium"
        return channel
    }

    @Test func signedBodyWithTheDocumentedShapeAndKey() async throws {
        let receiver = try await HTTPReceiver.start()
        try await receiver.script(secret: "s3cret")
        let fixture = try AlertFixture()
        let channel = webhook(receiver)
        let router = AlertRouter(channels: [channel])
        let summary = try fixture.addFinding(router: router, now: t0)
        #expect(summary.alertsQueued == 1)

        let report = await AlertDispatcher(store: fixture.store, channels: [channel]).runOnce(now: t0)
        #expect(report.delivered == 1)
        let requests = try await receiver.requests()
        try #require(requests.count == 1)
        let request = requests[0]
        #expect(request.method == "POST")
        #expect(request.signatureOK == true)
        #expect(request.header("Idempotency-Key") == "finding-1-ops-high")
        #expect(request.header("X-Team") == "core")
        #expect(request.header("Content-Type") == "application/json")
        let body = request.json
        #expect(body["schema"] as? String == "vigil.alert.v1")
        #expect(body["kind"] as? String == "alert")
        #expect(body["person"] as? String == "Ada Lovelace")
        #expect(body["severity"] as? String == "high")
        let finding = try #require((body["findings"] as? [[String: Any]])?.first)
        #expect(finding["finding_id"] as? Int == 1)
        #expect(finding["title"] as? String == "Gatekeeping in Open Source: The Ada Story")
        #expect(finding["link"] as? String == "https://blog.example.org/gatekeeping")
        #expect((finding["feed"] as? [String: Any])?["title"] as? String == "Example blog")
        #expect((finding["evidence"] as? [[String: Any]])?.first?["text"] as? String == "She is protecting her fiefdom out of insecurity.")
        #expect((finding["agent_reason"] as? String)?.contains("autonomous agent") == true)
        #expect((finding["actions"] as? [String: String])?["ack"] == "vigil findings ack 1")
        #expect((finding["actions"] as? [String: String])?["benign"] == "vigil findings label 1 benign")
        #expect(try fixture.store.outboxSummary().delivered == 1)
    }

    @Test func aWrongSecretFailsTheReceiversCheck() async throws {
        let receiver = try await HTTPReceiver.start()
        try await receiver.script(secret: "the receiver's secret")
        try await WebhookSender(url: receiver.url("/hook"), secret: "another secret").send(.test(channel: "ops"))
        #expect(try await receiver.requests().first?.signatureOK == false)
    }

    @Test func retriesAfter500And429HonouringRetryAfterWithTheSameKeyAndBody() async throws {
        let receiver = try await HTTPReceiver.start()
        try await receiver.script(secret: "s3cret", responses: ["/hook": [
            ["status": 500, "body": "database down"],
            ["status": 429, "headers": ["Retry-After": "7"]],
        ]])
        let fixture = try AlertFixture()
        let channel = webhook(receiver)
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: t0)
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], retryPolicy: RetryPolicy(firstDelay: 30, maximumDelay: 3600))

        #expect(await dispatcher.runOnce(now: t0).retrying == 1)
        var row = try #require(try fixture.store.dueAlerts(now: t0.addingTimeInterval(30)).first)
        #expect(row.attempts == 1)
        #expect(row.nextAttemptAt == t0.addingTimeInterval(30))
        #expect(row.lastError?.contains("HTTP 500: database down") == true)
        #expect(row.lastError?.contains("/hook") == false)

        #expect(await dispatcher.runOnce(now: t0.addingTimeInterval(29)) == DispatchReport())
        #expect(await dispatcher.runOnce(now: t0.addingTimeInterval(30)).retrying == 1)
        row = try #require(try fixture.store.dueAlerts(now: t0.addingTimeInterval(37)).first)
        #expect(row.nextAttemptAt == t0.addingTimeInterval(37))
        #expect(row.lastError?.contains("HTTP 429") == true)

        #expect(await dispatcher.runOnce(now: t0.addingTimeInterval(37)).delivered == 1)
        let requests = try await receiver.requests()
        #expect(requests.count == 3)
        #expect(Set(requests.compactMap { $0.header("Idempotency-Key") }) == ["finding-1-ops-high"])
        #expect(Set(requests.map(\.body)).count == 1)
        #expect(requests.allSatisfy { $0.signatureOK == true })
    }

    @Test func aTimeoutIsRetried() async throws {
        let receiver = try await HTTPReceiver.start()
        try await receiver.script(responses: ["/hook": [["status": 200, "delay": 4]]])
        let fixture = try AlertFixture()
        let channel = webhook(receiver, secret: nil, timeout: 1)
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: t0)
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel])
        #expect(await dispatcher.runOnce(now: t0).retrying == 1)
        #expect(try fixture.store.dueAlerts(now: t0.addingTimeInterval(3600)).first?.lastError?.contains("timed out") == true)
        #expect(await dispatcher.runOnce(now: t0.addingTimeInterval(30)).delivered == 1)
    }

    @Test func nothingIsSentTwiceAfterARestart() async throws {
        let receiver = try await HTTPReceiver.start()
        try await receiver.script(responses: ["/hook": [["status": 503]]])
        let fixture = try AlertFixture()
        let channel = webhook(receiver, secret: nil)
        let router = AlertRouter(channels: [channel])
        try fixture.addFinding(router: router, now: t0)
        try fixture.addFinding(title: "A second post", router: router, now: t0)

        // First life: one alert fails (503), the other is delivered.
        let first = await AlertDispatcher(store: fixture.store, channels: [channel]).runOnce(now: t0)
        #expect(first.delivered == 1 && first.retrying == 1)

        // Restart: the same file, a new dispatcher. Only the failed one goes again.
        try fixture.reopen()
        let second = AlertDispatcher(store: fixture.store, channels: [channel])
        #expect(await second.runOnce(now: t0.addingTimeInterval(30)).delivered == 1)
        #expect(await second.runOnce(now: t0.addingTimeInterval(7200)) == DispatchReport())
        try fixture.reopen()
        #expect(await AlertDispatcher(store: fixture.store, channels: [channel]).runOnce(now: t0.addingTimeInterval(86_000)) == DispatchReport())

        let keys = try await receiver.requests().compactMap { $0.header("Idempotency-Key") }
        #expect(keys.count == 3)
        #expect(Set(keys).count == 2)
        #expect(try fixture.store.outboxSummary() == OutboxSummary(pending: 0, delivered: 2, failed: 0))
    }

    @Test func aRejectedAlertIsKeptUntilItsMaxAgeThenShownAsFailed() async throws {
        let receiver = try await HTTPReceiver.start()
        try await receiver.script(responses: ["/hook": Array(repeating: ["status": 404, "body": "no such hook"], count: 5)])
        let fixture = try AlertFixture()
        var channel = webhook(receiver, secret: nil)
        channel.maxAgeSeconds = 7200
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: t0)
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], retryPolicy: RetryPolicy(firstDelay: 30, maximumDelay: 3600))
        #expect(await dispatcher.runOnce(now: t0).retrying == 1)
        // A 4xx needs a person: it waits the longest backoff, not the first.
        #expect(try fixture.store.dueAlerts(now: t0.addingTimeInterval(3599)).isEmpty)
        #expect(await dispatcher.runOnce(now: t0.addingTimeInterval(3600)).retrying == 1)
        #expect(await dispatcher.runOnce(now: t0.addingTimeInterval(7200)).failed == 1)
        let failed = try #require(try fixture.store.failedAlerts().first)
        #expect(failed.lastError?.contains("not delivered within 7200s after 2 attempts") == true)
        #expect(failed.lastError?.contains("HTTP 404: no such hook") == true)
        #expect(try fixture.store.outboxSummary().failed == 1)
    }

    @Test func aRefusedConnectionIsTransient() async throws {
        // A port nobody listens on: bind one, note it, close it.
        let receiver = try await HTTPReceiver.start()
        let unused = receiver.url("/hook").replacingOccurrences(of: ":\(receiver.server.port)", with: ":1")
        do {
            try await WebhookSender(url: unused, timeoutSeconds: 2).send(.test(channel: "ops"))
            Issue.record("expected a failure")
        } catch let error as DeliveryError {
            #expect(error.isTransient)
            #expect(error.message.hasPrefix("http://127.0.0.1:1"))
        }
    }
}
