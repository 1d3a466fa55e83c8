import VigilText
import Foundation
import VigilStore

/// Publishes to an ntfy topic URL: the plain text as the body, the headline
/// as `Title`, severity as `Priority`, the post's link as `Click`.
public struct NtfySender: AlertSender {
    public var url: String
    public var token: String?
    public var timeoutSeconds: Int
    public var caFile: String?
    public var client = HTTPClient()

    public init(url: String, token: String? = nil, timeoutSeconds: Int = 30, caFile: String? = nil) {
        self.url = url
        self.token = token
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }

    public func request(for envelope: AlertEnvelope) -> HTTPRequest {
        let message = AlertRenderer.render(envelope)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Title", MIMEHeader.encodedWord(AlertRenderer.headline(envelope))),
            ("Priority", String(Self.priority(envelope))),
            ("Tags", envelope.kind == .test ? "test_tube" : "warning"),
            ("Idempotency-Key", envelope.idempotencyKey),
        ]
        if envelope.findings.count == 1, let link = UntrustedText.webLink(envelope.findings.first?.link) {
            headers.append(("Click", link))
        }
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let body = Array(ChatJSON.limit(message.text, 4000).utf8)
        return HTTPRequest(method: "POST", url: url, headers: headers, body: body, timeoutSeconds: timeoutSeconds, caFile: caFile)
    }

    static func priority(_ envelope: AlertEnvelope) -> Int {
        guard envelope.kind == .alert || envelope.kind == .burst else { return 3 }
        switch envelope.severity ?? .none {
        case .high: return 5
        case .medium: return 4
        case .low: return 3
        case .none: return 2
        }
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        try await client.deliver(request(for: envelope))
    }
}
