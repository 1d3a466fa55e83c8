/// One feed to fetch, with the validators stored from its last successful fetch
/// so that an unchanged feed costs the publisher a 304 and no body.
public struct FetchRequest: Sendable, Equatable {
    /// Who chose the URL, which decides what the address policy checks.
    public enum Origin: Sendable, Equatable {
        /// The operator configured it (a feed, `feeds check URL`): its host may
        /// be anywhere; only redirects to other hosts must be public.
        case configured
        /// vigil found it on its own (a feed discovered in a page, a followed
        /// link): every connection must be public.
        case discovered
    }

    public var url: String
    /// The `ETag` last seen for this feed, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` last seen for this feed, sent back verbatim as `If-Modified-Since`.
    public var lastModified: String?
    public var origin: Origin

    public init(url: String, etag: String? = nil, lastModified: String? = nil, origin: Origin = .configured) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.origin = origin
    }
}
