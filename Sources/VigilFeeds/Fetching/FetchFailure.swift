import VigilText

/// Why a fetch produced no content, as a kind the scheduler can act on and one
/// readable line for the feed's health record.
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The URL could not be parsed.
        case invalidURL
        /// A scheme other than http or https (or file, where allowed).
        case unsupportedScheme
        /// A redirect to a scheme that may not be followed, `file://` among them.
        case redirectRefused
        case tooManyRedirects
        case redirectLoop
        /// A redirect to another host (or a discovered URL) led to a private address
        /// and `allow_private_addresses` is off; nothing was connected.
        case privateAddressRefused
        /// The server answered with this status (not 2xx or 304). 410 is `gone`.
        case httpStatus(Int)
        /// 410 Gone: the feed should be disabled.
        case gone
        case nameNotResolved
        case connectionRefused
        case connectTimeout
        /// The whole fetch took longer than the total timeout.
        case timeout
        /// The server sent less than the low-speed limit for the low-speed time.
        case tooSlow
        /// The body grew past the cap (after decompression); the transfer was aborted.
        case bodyTooLarge
        /// TLS failed: an untrusted or mismatched certificate, or a failed handshake.
        case tls
        /// The body could not be decompressed.
        case badContentEncoding
        /// The connection broke or the server closed it without a complete answer.
        case connectionLost
        /// A local file could not be read.
        case fileUnreadable
        /// The host asked for a pause (Retry-After) that has not ended; nothing was sent.
        case deferredByHost
        /// The caller's task was cancelled or the fetcher was shut down.
        case cancelled
        /// Any other transport error, with libcurl's code.
        case transport(Int)
    }

    public var kind: Kind
    /// One line, fit for `vigil feeds ls` and logs. URLs in it are redacted
    /// (`URLRedaction`): it is stored as the feed's last error and shown
    /// wherever the feed's health is, so a token in the feed URL (or in a
    /// redirect's target, or quoted by libcurl) must never be in it.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = URLRedaction.redactingURLs(in: message)
    }

    public var description: String { message }

    /// Failures that say nothing about the feed itself, only about this attempt,
    /// so the daemon may retry sooner.
    public var isTransient: Bool {
        switch kind {
        case .invalidURL, .unsupportedScheme, .redirectRefused, .privateAddressRefused, .gone: false
        case .httpStatus(let status): status == 408 || status == 425 || status == 429 || status >= 500
        default: true
        }
    }
}
