import Foundation
import VigilStore

/// A digest already rendered by its producer, queued in the outbox with
/// `{"type": "digest", ...}` so it is delivered with the same retries as
/// alerts. `text` is what plain-text channels show; `html` (when given) is
/// the e-mail's HTML part and is trusted as already escaped.
public struct DigestMessage: Codable, Sendable, Equatable {
    public var type = "digest"
    public var subject: String
    public var text: String
    public var html: String?

    public init(subject: String, text: String, html: String? = nil) {
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// The outbox draft that delivers this digest on `channel`.
    public func draft(channel: String, idempotencyKey: String) -> AlertDraft {
        AlertDraft(channel: channel, payload: AlertJSON.string(self), idempotencyKey: idempotencyKey)
    }
}
