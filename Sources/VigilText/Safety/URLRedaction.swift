import Foundation

/// The one rule for URLs that leave vigil: alert payloads, CLI output, logs,
/// digests. Feed URLs often carry credentials (a private GitHub feed's
/// `?token=`, a search API's `key=`, `user:password@` for basic auth, a long
/// random path segment standing for an account); logs get shipped to
/// aggregators, alerts go to chat rooms and status output gets pasted into
/// tickets. The database keeps the whole URL, since vigil must fetch it.
///
/// Redaction is idempotent: a redacted URL redacts to itself.
public enum URLRedaction {
    /// What stands in for a removed secret.
    public static let mask = "***"

    /// Query keys whose values are secrets, compared lowercased with `-` and `_` removed.
    static let secretKeys: Set<String> = [
        "token", "key", "apikey", "secret", "password", "passwd", "pass", "pwd", "auth",
        "authorization", "sig", "signature", "session", "sessionid", "sid", "code", "hash",
        "credential", "credentials", "private", "jwt", "otp", "nonce",
    ]

    /// Endings of a normalised key that mark a secret whatever comes before
    /// (`access_token`, `X-Amz-Signature`, `client_secret`, `db_password`).
    static let secretKeySuffixes = ["token", "key", "secret", "password", "signature", "credential", "session"]

    /// `url` with its userinfo, secret query and fragment values and token-like
    /// path segments replaced by `***`; anything that is not a URL is returned as it is.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let scheme = url[..<schemeEnd.upperBound]
        var rest = url[schemeEnd.upperBound...]
        var fragment: Substring?
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring?
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]
        // A user name alone may be the token (`https://TOKEN@host/`), so the whole userinfo goes.
        if let at = authority.lastIndex(of: "@") {
            authority = Substring(mask + authority[at...])
        }
        var result = String(scheme) + authority
        result += path.split(separator: "/", omittingEmptySubsequences: false)
            .map { looksLikeSecret($0) ? mask : String($0) }
            .joined(separator: "/")
        if let query { result += "?" + maskingSecretValues(query) }
        // OAuth's implicit flow puts `access_token=` in the fragment.
        if let fragment { result += "#" + (fragment.contains("=") ? maskingSecretValues(fragment) : String(fragment)) }
        return result
    }

    /// Every URL inside free text (an error message or a log line that quotes one) redacted.
    public static func redactingURLs(in text: String) -> String {
        guard text.contains("://") else { return text }
        var result = ""
        var word = ""
        func flush() {
            result += word.contains("://") ? redacted(word) : word
            word = ""
        }
        for character in text {
            if character.isWhitespace || character == "\"" || character == "'" || character == "<" || character == ">" {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    /// Only the scheme, host and port: for a channel's endpoint, whose path is
    /// often the secret itself (a Slack or Discord webhook, a Matrix room token).
    public static func origin(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "the receiver" }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let rest = url[schemeEnd.upperBound...]
        var authority = rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else { return "the receiver" }
        return "\(scheme.isEmpty ? "http" : scheme)://\(authority.lowercased())"
    }

    /// Whether a query or fragment key names a secret (`token`, `api_key`, `X-Amz-Signature`).
    public static func isSecretKey(_ key: Substring) -> Bool {
        let decoded = String(key).removingPercentEncoding ?? String(key)
        let normalised = decoded.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." }
        return secretKeys.contains(normalised) || secretKeySuffixes.contains { normalised.hasSuffix($0) }
    }

    /// `a=1&token=s&b=2` with the secret values masked, separators and order kept.
    static func maskingSecretValues(_ pairs: Substring) -> String {
        pairs.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            return isSecretKey(pair[..<equals]) ? String(pair[...equals]) + mask : String(pair)
        }.joined(separator: "&")
    }

    /// A path segment of 24 or more letters and digits with at least four of each and
    /// no word separators reads as an access token, not as a slug or a name.
    static func looksLikeSecret(_ segment: Substring) -> Bool {
        guard segment.utf8.count >= 24 else { return false }
        var letters = 0
        var digits = 0
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): letters += 1
            case UInt8(ascii: "_"): continue
            default: return false
            }
        }
        return letters >= 4 && digits >= 4
    }
}
