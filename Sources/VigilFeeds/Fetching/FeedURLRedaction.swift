/// Hides the secrets feed URLs often carry before a URL reaches a log or a status
/// line: a private GitHub feed's `?token=`, a search API's `key=`, a password in
/// the userinfo, a long random path segment standing for an account. Logs get
/// shipped to aggregators and status output gets pasted into tickets; the stored
/// URL and the machine-readable listings (`feeds ls --json`, `feeds export`) keep
/// the whole URL, because the owner needs it to fetch and to remove the feed.
public enum FeedURLRedaction {
    static let mask = "***"

    /// Query keys whose values are secrets, compared lowercased with `-` and `_` removed.
    static let secretKeys: Set<String> = [
        "token", "key", "apikey", "secret", "password", "passwd", "pass", "pwd", "auth",
        "authorization", "sig", "signature", "session", "sessionid", "sid", "code", "hash",
        "credential", "credentials", "private", "jwt",
    ]

    /// `url` with secrets replaced by `***`; anything that is not a URL is returned as it is.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let scheme = url[..<schemeEnd.upperBound]
        var rest = url[schemeEnd.upperBound...]
        var fragment: Substring = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[hash...]
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
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            let user = userinfo.firstIndex(of: ":").map { userinfo[..<$0] + ":" + mask } ?? userinfo
            authority = Substring(user + authority[at...])
        }
        var result = String(scheme) + authority
        result += path.split(separator: "/", omittingEmptySubsequences: false)
            .map { looksLikeSecret($0) ? mask : String($0) }
            .joined(separator: "/")
        if let query {
            result += "?" + query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
                guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
                let key = pair[..<equals].lowercased().filter { $0 != "-" && $0 != "_" }
                let secret = secretKeys.contains(key) || key.hasSuffix("token") || key.hasSuffix("key") || key.hasSuffix("secret")
                return secret ? String(pair[...equals]) + mask : String(pair)
            }.joined(separator: "&")
        }
        return result + fragment
    }

    /// Every URL inside free text (an error message that quotes one) redacted.
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
