/// Delivers one message to one channel. A sender throws `DeliveryError`
/// when the receiver did not take the message; it never retries by itself
/// (the dispatcher owns retries, so they survive restarts).
public protocol AlertSender: Sendable {
    func send(_ envelope: AlertEnvelope) async throws
}
