import VigilText
import Foundation

/// Sends an `m.room.message` through the Matrix client-server API:
/// `PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId}`. The
/// transaction ID is the idempotency key, so the homeserver itself drops a
/// repeat of the same message from the same access token.
public struct MatrixSender: AlertSender {
    public var homeserver: String
    public var room: String
    public var token: String
    public var timeoutSeconds: Int
    public var caFile: String?
    public var client = HTTPClient()

    public init(homeserver: String, room: String, token: String, timeoutSeconds: Int = 30, caFile: String? = nil) {
        self.homeserver = homeserver
        self.room = room
        self.token = token
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }

    /// Events are limited to 64 KiB; a large group shows its first findings.
    static let shownFindings = 10

    public func payload(for envelope: AlertEnvelope) -> [String: Any] {
        var shown = envelope
        shown.findings = Array(envelope.findings.prefix(Self.shownFindings))
        var message = AlertRenderer.render(shown)
        message.subject = AlertRenderer.subject(envelope)
        if envelope.findings.count > Self.shownFindings {
            let more = "…and \(envelope.findings.count - Self.shownFindings) more findings (vigil findings ls)."
            message.text += more + "\n"
            message.html = message.html.replacingOccurrences(of: "</body></html>\n", with: "<p>\(more)</p>\n</body></html>\n")
        }
        let html = message.html
            .replacingOccurrences(of: "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n", with: "")
            .replacingOccurrences(of: "</body></html>\n", with: "")
        return [
            "msgtype": "m.text",
            "body": message.subject + "\n\n" + message.text,
            "format": "org.matrix.custom.html",
            "formatted_body": "<p><strong>\(UntrustedText.html(message.subject))</strong></p>\n" + html,
        ]
    }

    public func request(for envelope: AlertEnvelope) -> HTTPRequest {
        let base = homeserver.hasSuffix("/") ? String(homeserver.dropLast()) : homeserver
        let url = "\(base)/_matrix/client/v3/rooms/\(Self.pathSegment(room))/send/m.room.message/\(Self.pathSegment(envelope.idempotencyKey))"
        return HTTPRequest(
            method: "PUT", url: url,
            headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)"), ("Idempotency-Key", envelope.idempotencyKey)],
            body: ChatJSON.encode(payload(for: envelope)), timeoutSeconds: timeoutSeconds, caFile: caFile)
    }

    /// Percent-encodes everything but unreserved characters (room IDs hold `!` and `:`).
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        try await client.deliver(request(for: envelope))
    }
}
