import CCurl

/// A URL as libcurl reads it, so that what vigil checks (scheme, host) is what
/// libcurl will then fetch.
public struct FeedURL: Sendable, Equatable, CustomStringConvertible {
    /// The URL in libcurl's normalised spelling.
    public let absoluteString: String
    /// Lowercased.
    public let scheme: String
    /// Lowercased; empty for file URLs.
    public let host: String

    public var description: String { absoluteString }

    /// Parses an absolute URL. Schemes are not checked here; see `FeedFetcher`.
    public init(_ text: String) throws(FetchFailure) {
        guard let handle = curl_url() else { throw FetchFailure(.invalidURL, "out of memory parsing a URL") }
        defer { curl_url_cleanup(handle) }
        try self.init(parsing: text, into: handle)
    }

    /// Resolves `reference` (absolute, or relative like a Location header or an href) against this URL.
    public func resolving(_ reference: String) throws(FetchFailure) -> FeedURL {
        guard let handle = curl_url() else { throw FetchFailure(.invalidURL, "out of memory parsing a URL") }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, absoluteString, 0) == CURLUE_OK else {
            throw FetchFailure(.invalidURL, "invalid URL: \(absoluteString.oneLine)")
        }
        return try FeedURL(parsing: reference, into: handle)
    }

    private init(parsing text: String, into handle: OpaquePointer) throws(FetchFailure) {
        let flags = UInt32(CURLU_NON_SUPPORT_SCHEME) | UInt32(CURLU_URLENCODE)
        let code = curl_url_set(handle, CURLUPART_URL, text, flags)
        guard code == CURLUE_OK else {
            let reason = curl_url_strerror(code).map { String(cString: $0) } ?? "unreadable"
            throw FetchFailure(.invalidURL, "invalid URL \(text.oneLine): \(reason)")
        }
        guard let url = Self.part(handle, CURLUPART_URL), let scheme = Self.part(handle, CURLUPART_SCHEME) else {
            throw FetchFailure(.invalidURL, "invalid URL: \(text.oneLine)")
        }
        absoluteString = url
        self.scheme = scheme.lowercased()
        host = (Self.part(handle, CURLUPART_HOST) ?? "").lowercased()
    }

    private static func part(_ handle: OpaquePointer, _ part: CURLUPart) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}

extension String {
    /// The text cut to one short line, for error messages that quote input.
    var oneLine: String {
        let flat = String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
        return flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
    }
}
