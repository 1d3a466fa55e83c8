/// Posts the documented JSON envelope. With a secret, the body is signed:
/// `X-Vigil-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>`.
/// The body is the same bytes on every retry, so is the signature.
public struct WebhookSender: AlertSender {
    public var url: String
    public var secret: String?
    public var headers: [String: String]
    public var timeoutSeconds: Int
    public var caFile: String?
    public var client = HTTPClient()

    public init(url: String, secret: String? = nil, headers: [String: String] = [:], timeoutSeconds: Int = 30, caFile: String? = nil) {
        self.url = url
        self.secret = secret
        self.headers = headers
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }

    public func request(for envelope: AlertEnvelope) -> HTTPRequest {
        let body = envelope.jsonBody()
        var lines: [(name: String, value: String)] = headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        lines.append(("Content-Type", "application/json"))
        lines.append(("Idempotency-Key", envelope.idempotencyKey))
        lines.append(("X-Vigil-Event", envelope.kind.rawValue))
        if let secret { lines.append(("X-Vigil-Signature", WebhookSignature.header(secret: secret, body: body))) }
        return HTTPRequest(method: "POST", url: url, headers: lines, body: body, timeoutSeconds: timeoutSeconds, caFile: caFile)
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        try await client.deliver(request(for: envelope))
    }
}
