import CCurl
import Foundation

/// Sends mail over SMTP with libcurl. `smtp://` upgrades with STARTTLS and
/// refuses to go on without it (unless `starttls = false`); `smtps://` is TLS
/// from the first byte. Credentials are only ever sent inside TLS unless
/// STARTTLS was explicitly turned off.
public struct EmailSender: AlertSender {
    public var url: String
    public var from: String
    public var to: [String]
    public var username: String?
    public var password: String?
    public var starttls: Bool
    public var timeoutSeconds: Int
    public var caFile: String?

    public init(url: String, from: String, to: [String], username: String? = nil, password: String? = nil,
                starttls: Bool = true, timeoutSeconds: Int = 30, caFile: String? = nil) {
        self.url = url
        self.from = from
        self.to = to
        self.username = username
        self.password = password
        self.starttls = starttls
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }

    func message(for envelope: AlertEnvelope, date: Date) -> MailMessage {
        let rendered = AlertRenderer.render(envelope)
        return MailMessage(
            from: from, to: to, subject: rendered.subject, text: rendered.text, html: rendered.html,
            idempotencyKey: envelope.idempotencyKey, date: date)
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        let lower = url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            throw DeliveryError.permanent("email url must start with smtp:// or smtps://")
        }
        let bytes = message(for: envelope, date: Date()).rendered()
        let sender = self
        try await BlockingWork.run { flag in
            let transfer = try CurlTransfer(flag: flag)
            transfer.set(CURLOPT_URL, sender.url)
            transfer.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
            transfer.setTimeout(seconds: sender.timeoutSeconds)
            if !lower.hasPrefix("smtps://") {
                transfer.set(CURLOPT_USE_SSL, Int(sender.starttls ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
            }
            if let caFile = sender.caFile { transfer.set(CURLOPT_CAINFO, caFile) }
            if let username = sender.username { transfer.set(CURLOPT_USERNAME, username) }
            if let password = sender.password { transfer.set(CURLOPT_PASSWORD, password) }
            transfer.set(CURLOPT_MAIL_FROM, "<\(MailMessage.address(sender.from))>")
            transfer.set(CURLOPT_MAIL_RCPT, list: sender.to.map { "<\(MailMessage.address($0))>" })
            transfer.setUpload(bytes)
            _ = try transfer.perform(what: "SMTP " + HTTPClient.redacted(sender.url))
        }
    }
}
