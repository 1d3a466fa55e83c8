import VigilText
import VigilAlerts

/// A digest built and rendered, ready to be recorded and queued: the body
/// in the configured format (what the digests table keeps) and the message
/// channels deliver, with a plain part and an HTML part for e-mail.
public struct PreparedDigest: Sendable, Equatable {
    public var digest: Digest
    public var format: DigestFormat
    public var body: String
    public var message: DigestMessage

    public init(digest: Digest, format: DigestFormat, body: String, message: DigestMessage) {
        self.digest = digest
        self.format = format
        self.body = body
        self.message = message
    }

    /// Renders `digest` for delivery. Plain-text channels get the configured
    /// format, or text when that is HTML; e-mail also gets the HTML digest.
    public static func render(_ digest: Digest, format: DigestFormat) throws -> PreparedDigest {
        let body = try format.render(digest)
        let text = format == .html ? try DigestFormat.text.render(digest) : body
        let html = format == .html ? body : try DigestFormat.html.render(digest)
        return PreparedDigest(
            digest: digest, format: format, body: body,
            message: DigestMessage(subject: subject(of: digest), text: text, html: html))
    }

    /// "vigil digest: team core, 16 Nov – 23 Nov: 5 hostile (1 high)".
    static func subject(of digest: Digest) -> String {
        let format = DigestFormatting(digest: digest)
        let totals = digest.totals
        var subject = "vigil digest: \(UntrustedText.plain(digest.scopeTitle)), \(format.shortDate(digest.period.start)) – \(format.shortDate(digest.period.end))"
        if totals.hostile == 0 {
            subject += ": no hostile findings"
        } else {
            subject += ": \(totals.hostile) hostile"
            if totals.high > 0 { subject += " (\(totals.high) high)" }
        }
        return subject
    }
}
