import VigilText
import Foundation

/// What `vigil feeds check` tells about one fetch and parse, as text for people
/// or JSON for scripts. URLs are shown redacted (`URLRedaction`): a check's
/// output gets pasted into tickets, and the person checking has the URL.
public struct FeedCheckReport: Sendable {
    public let result: FetchResult
    public let feed: ParsedFeed?

    public init(result: FetchResult, feed: ParsedFeed?) {
        self.result = result
        self.feed = feed
    }

    public var text: String {
        let shown = URLRedaction.redacted
        var lines: [(String, String)] = [("URL", shown(result.requestedURL))]
        for hop in result.redirects {
            lines.append(("Redirect", "\(hop.status) \(shown(hop.from)) -> \(shown(hop.to))\(hop.isPermanent ? " (permanent)" : "")"))
        }
        if !result.redirects.isEmpty { lines.append(("Final URL", shown(result.finalURL))) }
        if let target = result.permanentRedirectTarget {
            lines.append(("Moved", "permanently to \(shown(target)); a stored feed follows after \(PermanentRedirectTracker.defaultRequiredSightings) successive polls"))
        }
        if let status = result.status {
            lines.append(("Status", "\(status) \(HTTPStatusText.phrase(status))\(result.httpVersion.map { " (HTTP/\($0))" } ?? "")"))
        }
        switch result.outcome {
        case .fetched: lines.append(("Result", "fetched"))
        case .notModified: lines.append(("Result", "not modified since the validators given: nothing to parse"))
        case .failed(let failure): lines.append(("Result", "failed: \(failure.message)"))
        }
        if let type = result.contentType { lines.append(("Type", type)) }
        if let encoding = result.headers["Content-Encoding"] { lines.append(("Encoding", encoding)) }
        lines.append(("Caching", cachingSummary))
        if let retryAfter = result.retryAfter {
            lines.append(("Retry-After", "\(Int(retryAfter.components.seconds)) s"))
        }
        if let body = result.body {
            lines.append(("Size", "\(ByteCount.format(body.count)) body, \(ByteCount.format(Int(result.bytesReceived))) received"))
        } else {
            lines.append(("Received", ByteCount.format(Int(result.bytesReceived))))
        }
        lines.append(("Time", String(format: "%.3f s", seconds(result.duration))))
        if let feed {
            lines.append(("Format", feed.format == .unknown ? "not a feed vigil recognises" : "\(feed.format.family) \(feed.format.version)"))
            if let title = feed.title?.value, !title.isEmpty { lines.append(("Title", UntrustedText.plain(title, limit: 200))) }
            lines.append(("Entries", String(feed.entries.count)))
            lines.append(("Bozo", feed.bozo ? "yes: \(feed.bozoReason ?? "unspecified")" : "no"))
        }
        let width = lines.map(\.0.count).max() ?? 0
        // Values come from the server and the feed: made inert for the terminal.
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + UntrustedText.plain($0.1) + "\n" }.joined()
    }

    private var cachingSummary: String {
        var parts: [String] = []
        if let etag = result.etag { parts.append("ETag \(etag)") }
        if let lastModified = result.lastModified { parts.append("Last-Modified \(lastModified)") }
        let cacheControl = result.headers.values(for: "Cache-Control")
        if !cacheControl.isEmpty { parts.append("Cache-Control \(cacheControl.joined(separator: ", "))") }
        if let expires = result.headers["Expires"] { parts.append("Expires \(expires)") }
        return parts.isEmpty ? "no validators: every poll downloads the whole feed" : parts.joined(separator: "; ")
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private struct JSONReport: Encodable {
        struct Hop: Encodable { let status: Int; let from: String; let to: String; let permanent: Bool }
        struct Feed: Encodable {
            let format: String
            let version: String
            let title: String?
            let entries: Int
            let bozo: Bool
            let bozo_reason: String?
        }
        let url: String
        let final_url: String
        let status: Int?
        let http_version: String?
        let result: String
        let error: String?
        let redirects: [Hop]
        let permanent_redirect: String?
        let content_type: String?
        let etag: String?
        let last_modified: String?
        let cache_control: String?
        let retry_after_seconds: Int64?
        let body_bytes: Int?
        let bytes_received: Int64
        let seconds: Double
        let feed: Feed?
    }

    public func json() throws -> String {
        let outcome: String
        switch result.outcome {
        case .fetched: outcome = "fetched"
        case .notModified: outcome = "not_modified"
        case .failed: outcome = "failed"
        }
        let shown = URLRedaction.redacted
        let report = JSONReport(
            url: shown(result.requestedURL), final_url: shown(result.finalURL), status: result.status, http_version: result.httpVersion,
            result: outcome, error: result.failure?.message,
            redirects: result.redirects.map { .init(status: $0.status, from: shown($0.from), to: shown($0.to), permanent: $0.isPermanent) },
            permanent_redirect: result.permanentRedirectTarget.map(shown), content_type: result.contentType, etag: result.etag,
            last_modified: result.lastModified,
            cache_control: result.headers.values(for: "Cache-Control").isEmpty ? nil : result.headers.values(for: "Cache-Control").joined(separator: ", "),
            retry_after_seconds: result.retryAfter.map { $0.components.seconds }, body_bytes: result.body?.count,
            bytes_received: result.bytesReceived, seconds: seconds(result.duration),
            feed: feed.map { .init(format: $0.format.family, version: $0.format.version, title: $0.title?.value, entries: $0.entries.count, bozo: $0.bozo, bozo_reason: $0.bozoReason) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
