/// The HTTP `Content-Type` a fuzz input is parsed with.
///
/// The media type and charset decide which encoding wins (RFC 7303), so each
/// input is read under one of them. The choice comes from the input's length,
/// not from a byte of it: seed feeds stay byte-for-byte what they are, and a
/// reproducer file replays with the same header it failed with.
enum FuzzedContentType {
    static let candidates: [String?] = [
        nil,
        "application/rss+xml",
        "text/xml",
        "application/atom+xml; charset=iso-8859-1",
        "text/html; charset=utf-16",
        "application/feed+json",
        "application/xml; charset=shift_jis",
    ]

    static func choose(forLength length: Int) -> String? {
        candidates[length % candidates.count]
    }
}
