import VigilHTTP

/// The parts of Cache-Control a poller cares about.
public struct CacheControl: Sendable, Equatable {
    /// `max-age`: the publisher says the answer stays fresh this long.
    public var maxAge: Duration?
    /// `no-store` / `no-cache`: nothing to learn about a good interval.
    public var noCache: Bool

    /// Reads every Cache-Control field of a response (they combine).
    public init(_ fields: [String]) {
        maxAge = nil
        noCache = false
        for field in fields {
            for directive in field.split(separator: ",") {
                let parts = directive.split(separator: "=", maxSplits: 1)
                let name = String(parts[0]).trimmingHTTPWhitespace().lowercased()
                let value = parts.count > 1
                    ? String(parts[1]).trimmingHTTPWhitespace().replacingQuotes() : nil
                switch name {
                case "max-age", "s-maxage":
                    if let value, let seconds = Int64(value), seconds >= 0 {
                        maxAge = max(maxAge ?? .zero, .seconds(seconds))
                    }
                case "no-cache", "no-store":
                    noCache = true
                default:
                    continue
                }
            }
        }
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
