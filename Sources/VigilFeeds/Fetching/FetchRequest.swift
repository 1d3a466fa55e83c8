/// One feed to fetch, with the validators stored from its last successful fetch
/// so that an unchanged feed costs the publisher a 304 and no body.
public struct FetchRequest: Sendable, Equatable {
    public var url: String
    /// The `ETag` last seen for this feed, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` last seen for this feed, sent back verbatim as `If-Modified-Since`.
    public var lastModified: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}
