import VigilText
import Foundation

/// An RFC 5322 message with a text and an HTML alternative, both base64 so
/// no feed text can end a part or a line early. The Message-ID comes from
/// the idempotency key: every retry of one alert carries the same ID, and a
/// mail system that sees it twice can drop the repeat.
struct MailMessage {
    var from: String
    var to: [String]
    var subject: String
    var text: String
    var html: String
    var idempotencyKey: String
    var date: Date

    var messageID: String {
        let local = idempotencyKey.unicodeScalars.map { scalar -> String in
            let allowed = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-._+".unicodeScalars.contains(scalar)))
            return allowed ? String(scalar) : "_"
        }.joined()
        return "<\(local)@\(Self.domain(of: from) ?? "vigil.invalid")>"
    }

    /// The bare address of a mailbox written as `Name <addr>` or `addr`.
    static func address(_ mailbox: String) -> String {
        if let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close {
            return String(mailbox[mailbox.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        return mailbox.trimmingCharacters(in: .whitespaces)
    }

    static func domain(of mailbox: String) -> String? {
        let address = address(mailbox)
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...]
        guard !domain.isEmpty, domain.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return String(domain)
    }

    static func dateHeader(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    func rendered() -> [UInt8] {
        let boundary = "vigil-" + Hex.shortDigest(of: idempotencyKey)
        func header(_ value: String) -> String { UntrustedText.plain(value, limit: 900) }
        var lines = [
            "Date: \(Self.dateHeader(date))",
            "From: \(header(from))",
            "To: \(to.map(header).joined(separator: ", "))",
            "Subject: \(MIMEHeader.encodedWord(subject, separator: "\r\n "))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "X-Vigil-Idempotency-Key: \(header(idempotencyKey))",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a multi-part message in MIME format.",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            lines.append(Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]))
        }
        lines.append("--\(boundary)--")
        lines.append("")
        return Array(lines.joined(separator: "\r\n").utf8)
    }
}
