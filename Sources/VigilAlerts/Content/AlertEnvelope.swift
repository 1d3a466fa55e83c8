import Foundation
import VigilStore

/// One message as a channel sends it: one finding, several findings about
/// one person grouped together, a burst (the findings beyond the burst limit
/// that one poll of one feed made about one person), a digest, or a test. Its JSON form is the
/// documented, versioned body of webhooks, JSON Lines and exec channels.
public struct AlertEnvelope: Codable, Sendable, Equatable {
    public static let schemaVersion = "vigil.alert.v1"

    public enum Kind: String, Codable, Sendable {
        case alert
        /// Many findings about one person from one feed's poll, in `burst`.
        case burst
        case digest
        case test
    }

    public var schema = Self.schemaVersion
    public var kind: Kind
    public var channel: String
    /// Stable across retries of this message; receivers drop repeats by it.
    public var idempotencyKey: String
    /// The person the findings are about; nil for a digest.
    public var person: String?
    /// The highest severity among the findings.
    public var severity: Severity?
    public var findings: [FindingAlert]
    public var digest: DigestMessage?
    /// For `kind == .burst`: the grouped findings; `findings` is then empty.
    public var burst: BurstAlert?

    enum CodingKeys: String, CodingKey {
        case schema, kind, channel
        case idempotencyKey = "idempotency_key"
        case person, severity, findings, digest, burst
    }

    public init(kind: Kind, channel: String, idempotencyKey: String, findings: [FindingAlert], digest: DigestMessage? = nil) {
        self.kind = kind
        self.channel = channel
        self.idempotencyKey = idempotencyKey
        self.findings = findings
        self.digest = digest
        self.person = findings.first?.person
        self.severity = findings.map(\.severity).max()
    }

    /// The message for a burst: about its person, as severe as its worst finding.
    public init(channel: String, idempotencyKey: String, burst: BurstAlert) {
        self.init(kind: .burst, channel: channel, idempotencyKey: idempotencyKey, findings: [])
        self.burst = burst
        self.person = burst.person
        self.severity = burst.severity
    }

    /// The JSON body: keys sorted, dates in ISO 8601, so the same message
    /// always has the same bytes (and the same signature).
    public func jsonBody() -> [UInt8] {
        (try? Array(AlertJSON.encoder.encode(self))) ?? Array("{}".utf8)
    }

    /// A clearly marked alert that exercises a channel end to end.
    public static func test(channel: String, now: Date = Date()) -> AlertEnvelope {
        let key = "test-\(channel)-\(Int(now.timeIntervalSince1970))-\(UUID().uuidString.prefix(8).lowercased())"
        let finding = FindingAlert(
            findingID: 0, idempotencyKey: key, person: "vigil test", teams: [], severity: .high, kind: .attack,
            title: "Test alert from vigil: no action needed", link: "https://example.org/vigil-test-alert",
            author: nil, publishedAt: now, detectedAt: now,
            feed: .init(url: "https://example.org/vigil-test-feed.xml", title: "vigil test"),
            attack: 0, hostility: 0, agent: 0,
            agentReason: "this is a test alert; nothing was scored",
            evidence: [.init(kind: "hostile", score: 0, text: "This sentence stands where the evidence of a real finding would.")])
        return AlertEnvelope(kind: .test, channel: channel, idempotencyKey: key, findings: [finding])
    }
}
