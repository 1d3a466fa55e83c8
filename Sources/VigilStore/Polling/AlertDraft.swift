/// An alert to queue for one channel, with the key that makes it unique.
public struct AlertDraft: Sendable, Equatable {
    public var channel: String
    public var payload: String
    public var idempotencyKey: String

    public init(channel: String, payload: String, idempotencyKey: String) {
        self.channel = channel
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }
}
