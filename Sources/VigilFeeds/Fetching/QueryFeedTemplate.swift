import VigilHTTP

/// A search-feed URL with `{query}` in it (a news search's RSS, a forum's search
/// feed), expanded once for each watched name and alias.
public struct QueryFeedTemplate: Sendable, Equatable {
    public static let placeholder = "{query}"
    public let template: String

    public init(_ template: String) throws(FetchFailure) {
        guard template.contains(Self.placeholder) else {
            throw FetchFailure(.invalidURL, "query feed template has no \(Self.placeholder): \(template.oneLine)")
        }
        let sample = try FeedURL(template.replacingPlaceholder(with: "vigil"))
        guard sample.scheme == "http" || sample.scheme == "https" else {
            throw FetchFailure(.unsupportedScheme, "query feed template must be http or https: \(template.oneLine)")
        }
        self.template = template
    }

    /// The URL for one query, percent-encoded so any name (spaces, quotes, any script) is safe.
    public func url(for query: String) -> String {
        template.replacingPlaceholder(with: Self.percentEncoded(query))
    }

    /// One URL for each distinct non-empty query, in the order given.
    public func urls(for queries: [String]) -> [String] {
        var seen = Set<String>()
        var urls: [String] = []
        for query in queries {
            let trimmed = query.trimmingHTTPWhitespace()
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
            urls.append(url(for: trimmed))
        }
        return urls
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, byte by byte of UTF-8.
    public static func percentEncoded(_ text: String) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingPlaceholder(with value: String) -> String {
        replacing(QueryFeedTemplate.placeholder, with: value)
    }
}
