import Foundation
import VigilHTTP

/// Why a GitHub call brought back nothing. Every case names the URL asked
/// for (which never holds the token: it travels in a header), and the
/// description is one line fit for a log or a `feeds check` report.
public enum GitHubError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rate limit is used up until `resetAt` (X-RateLimit-Remaining: 0); nothing is sent before then.
    case rateLimited(url: String, resetAt: Date)
    /// A secondary limit (403 or 429 with Retry-After) asked for a pause; nothing is sent before it ends.
    case secondaryRateLimited(url: String, retryAfter: Duration)
    /// The body grew past the engine's cap and the transfer was aborted.
    case responseTooLarge(url: String, limit: Int)
    /// The body is not the JSON the endpoint documents.
    case malformedJSON(url: String, detail: String)
    /// A status the client does not read as an answer, with the reason phrase as sent (none over HTTP/2).
    case unexpectedStatus(url: String, status: Int, reason: String)
    /// A Link header pointed to a page off the API host; the token would have gone with it.
    case foreignPageLink(url: String, link: String)
    /// libcurl ended the transfer without a complete answer.
    case transfer(url: String, TransferError)
    /// The engine did not send the request (cancelled, shutting down, a refused address, …).
    case notSent(url: String, HTTPEngineStop)

    public var url: String {
        switch self {
        case .rateLimited(let url, _), .secondaryRateLimited(let url, _), .responseTooLarge(let url, _),
             .malformedJSON(let url, _), .unexpectedStatus(let url, _, _), .foreignPageLink(let url, _),
             .transfer(let url, _), .notSent(let url, _):
            url
        }
    }

    public var description: String {
        switch self {
        case .rateLimited(let url, let resetAt):
            "GitHub rate limit used up at \(url); it resets at \(resetAt.formatted(.iso8601))"
        case .secondaryRateLimited(let url, let retryAfter):
            "GitHub secondary rate limit at \(url); retry after \(retryAfter.components.seconds) s"
        case .responseTooLarge(let url, let limit):
            "GitHub response from \(url) is larger than the \(limit)-byte limit"
        case .malformedJSON(let url, let detail):
            "malformed JSON from \(url): \(detail)"
        case .unexpectedStatus(let url, let status, let reason):
            "GitHub answered \(status)\(reason.isEmpty ? "" : " \(reason)") at \(url)"
        case .foreignPageLink(let url, let link):
            "GitHub at \(url) linked its next page off the API host (\(link)); not followed"
        case .transfer(let url, let error):
            "GitHub request to \(url) failed: \(error.detail)"
        case .notSent(let url, let reason):
            "GitHub request to \(url) not sent: \(Self.words(for: reason))"
        }
    }

    private static func words(for reason: HTTPEngineStop) -> String {
        switch reason {
        case .cancelled: "cancelled"
        case .shutDown: "the HTTP engine is shutting down"
        case .hostPaused(let remaining): "the host asked for a pause of \(remaining.components.seconds) s more"
        case .timedOut: "timed out"
        case .privateAddress(let address): "\(address) is a private address, not allowed"
        case .transferRefused(let error): "libcurl refused the transfer (\(error))"
        }
    }
}
