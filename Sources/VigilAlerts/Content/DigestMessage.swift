import Foundation

/// A digest already rendered by its producer, queued in the outbox with
/// `{"type": "digest", ...}` so it is delivered with the same retries as alerts.
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
}
