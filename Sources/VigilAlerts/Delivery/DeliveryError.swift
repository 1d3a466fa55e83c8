import Foundation

/// Why a delivery did not happen, and whether trying again can help. The
/// message is one line meant for `vigil status` and logs; it never holds a
/// secret (URLs are shown without their path and query).
public struct DeliveryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Transient failures (timeouts, refused connections, 5xx, 429) are
    /// retried with backoff; permanent ones (4xx, a missing secret) wait the
    /// longest backoff, since a person has to fix something first.
    public var isTransient: Bool
    public var message: String
    /// The delay a receiver asked for (Retry-After), if any.
    public var retryAfter: TimeInterval?

    public init(_ message: String, isTransient: Bool, retryAfter: TimeInterval? = nil) {
        self.message = message
        self.isTransient = isTransient
        self.retryAfter = retryAfter
    }

    public var description: String { message }

    public static func transient(_ message: String, retryAfter: TimeInterval? = nil) -> DeliveryError {
        DeliveryError(message, isTransient: true, retryAfter: retryAfter)
    }

    public static func permanent(_ message: String) -> DeliveryError {
        DeliveryError(message, isTransient: false)
    }
}
