import VigilHTTP

/// A feed's URL as libcurl reads it, so that what vigil checks (scheme, host)
/// is what libcurl will then fetch; failures are a feed's `FetchFailure`.
public struct FeedURL: Sendable, Equatable, CustomStringConvertible {
    /// The parsed URL the engine is handed.
    let transferURL: TransferURL

    /// The URL in libcurl's normalised spelling.
    public var absoluteString: String { transferURL.absoluteString }
    /// Lowercased.
    public var scheme: String { transferURL.scheme }
    /// Lowercased; empty for file URLs.
    public var host: String { transferURL.host }

    public var description: String { absoluteString }

    /// Parses an absolute URL. Schemes are not checked here; see `FeedFetcher`.
    public init(_ text: String) throws(FetchFailure) {
        do {
            transferURL = try TransferURL(text)
        } catch {
            throw Self.failure(error, text: text, base: nil)
        }
    }

    private init(_ transferURL: TransferURL) {
        self.transferURL = transferURL
    }

    /// Resolves `reference` (absolute, or relative like a Location header or an href) against this URL.
    public func resolving(_ reference: String) throws(FetchFailure) -> FeedURL {
        do {
            return FeedURL(try transferURL.resolving(reference))
        } catch {
            throw Self.failure(error, text: reference, base: absoluteString)
        }
    }

    private static func failure(_ error: TransferURL.ParseError, text: String, base: String?) -> FetchFailure {
        switch error {
        case .outOfMemory: FetchFailure(.invalidURL, "out of memory parsing a URL")
        case .rejected(let reason): FetchFailure(.invalidURL, "invalid URL \(text.oneLine): \(reason)")
        case .incomplete: FetchFailure(.invalidURL, "invalid URL: \(text.oneLine)")
        case .invalidBase: FetchFailure(.invalidURL, "invalid URL: \((base ?? text).oneLine)")
        }
    }
}

extension String {
    /// The text cut to one short line, for error messages that quote input.
    var oneLine: String {
        let flat = String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
        return flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
    }
}
