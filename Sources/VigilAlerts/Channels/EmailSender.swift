import VigilHTTP
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
        let what = "SMTP " + HTTPClient.redacted(url)
        try await BlockingWork.run { flag in
            do {
                let transfer = try BlockingTransfer(url: sender.url, protocols: .mail, shouldAbort: { flag.isCancelled })
                try transfer.setTimeout(seconds: sender.timeoutSeconds)
                if !lower.hasPrefix("smtps://") { try transfer.requireTLS(sender.starttls) }
                if let caFile = sender.caFile { try transfer.setTrustedCertificates(file: caFile) }
                try transfer.setCredentials(username: sender.username, password: sender.password)
                try transfer.setMailEnvelope(from: "<\(MailMessage.address(sender.from))>",
                                             to: sender.to.map { "<\(MailMessage.address($0))>" })
                try transfer.setUpload(bytes)
                do throws(TransferError) {
                    _ = try transfer.perform()
                } catch {
                    throw TransferFailure.deliveryError(error, what: what, cancelled: flag.isCancelled)
                }
            } catch let error as CurlError {
                throw TransferFailure.deliveryError(error, what: what)
            }
        }
    }
}
