import CCurl

/// A URL as libcurl reads it, so that what vigil checks (scheme, host) is
/// what libcurl then connects to. Schemes are not restricted here.
public struct TransferURL: Sendable, Equatable, CustomStringConvertible {
    /// Why a text is not a URL libcurl would fetch.
    public enum ParseError: Error, Sendable, Equatable {
        case outOfMemory
        /// libcurl refused the text, in these words.
        case rejected(reason: String)
        /// libcurl took the text but it has no scheme or no URL to give back.
        case incomplete
        /// The URL a reference was resolved against no longer parses.
        case invalidBase
    }

    /// The URL in libcurl's normalised spelling.
    public let absoluteString: String
    /// Lowercased.
    public let scheme: String
    /// Lowercased; empty for file URLs.
    public let host: String

    public var description: String { absoluteString }

    /// Parses an absolute URL.
    public init(_ text: String) throws(ParseError) {
        guard let handle = curl_url() else { throw .outOfMemory }
        defer { curl_url_cleanup(handle) }
        try self.init(parsing: text, into: handle)
    }

    /// Resolves `reference` (absolute, or relative like a Location header or an href) against this URL.
    public func resolving(_ reference: String) throws(ParseError) -> TransferURL {
        guard let handle = curl_url() else { throw .outOfMemory }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, absoluteString, 0) == CURLUE_OK else { throw .invalidBase }
        return try TransferURL(parsing: reference, into: handle)
    }

    private init(parsing text: String, into handle: OpaquePointer) throws(ParseError) {
        let flags = UInt32(CURLU_NON_SUPPORT_SCHEME) | UInt32(CURLU_URLENCODE)
        let code = curl_url_set(handle, CURLUPART_URL, text, flags)
        guard code == CURLUE_OK else {
            throw .rejected(reason: curl_url_strerror(code).map { String(cString: $0) } ?? "unreadable")
        }
        guard let url = Self.part(handle, CURLUPART_URL), let scheme = Self.part(handle, CURLUPART_SCHEME) else {
            throw .incomplete
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
