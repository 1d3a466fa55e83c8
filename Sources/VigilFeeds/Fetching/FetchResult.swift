/// One hop of a redirect chain.
public struct RedirectHop: Sendable, Equatable {
    public var from: String
    public var to: String
    public var status: Int

    public init(from: String, to: String, status: Int) {
        self.from = from
        self.to = to
        self.status = status
    }

    /// 301 and 308 say the resource has moved for good.
    public var isPermanent: Bool { status == 301 || status == 308 }
}

/// What a fetch came to. Only `fetched` carries a body: nothing from a failed
/// fetch can be mistaken for feed content.
public enum FetchOutcome: Sendable, Equatable {
    /// A 2xx answer (or a readable local file), with its decompressed body.
    case fetched(body: [UInt8])
    /// 304: the feed is unchanged since the validators were stored; skip parsing.
    case notModified
    case failed(FetchFailure)
}

/// Everything the daemon and `vigil feeds check` need from one fetch.
public struct FetchResult: Sendable, Equatable {
    public var requestedURL: String
    /// The URL that gave the last answer, after redirects.
    public var finalURL: String
    /// The last HTTP status received, or nil when no response came (or for file://).
    public var status: Int?
    public var outcome: FetchOutcome
    /// The header fields of the last response.
    public var headers: HTTPHeaders
    public var redirects: [RedirectHop]
    /// Where the feed moved for good: the end of the run of 301/308 hops that starts
    /// the chain, when the fetch then succeeded. The stored URL changes only after
    /// `PermanentRedirectTracker` has seen the same target on successive polls.
    public var permanentRedirectTarget: String?
    /// Bytes read from the network over all hops: headers plus the body as sent (compressed).
    public var bytesReceived: Int64
    /// From the first request sent to the last byte, queueing for politeness excluded.
    public var duration: Duration
    /// The HTTP version of the last response ("1.1", "2"), when there was one.
    public var httpVersion: String?
    /// A pause the server asked for with 429 or 503 and Retry-After.
    public var retryAfter: Duration?

    public init(
        requestedURL: String, finalURL: String, status: Int?, outcome: FetchOutcome,
        headers: HTTPHeaders = HTTPHeaders(), redirects: [RedirectHop] = [],
        permanentRedirectTarget: String? = nil, bytesReceived: Int64 = 0, duration: Duration = .zero,
        httpVersion: String? = nil, retryAfter: Duration? = nil
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.outcome = outcome
        self.headers = headers
        self.redirects = redirects
        self.permanentRedirectTarget = permanentRedirectTarget
        self.bytesReceived = bytesReceived
        self.duration = duration
        self.httpVersion = httpVersion
        self.retryAfter = retryAfter
    }

    /// The decompressed body of a successful fetch, and nil otherwise.
    public var body: [UInt8]? {
        if case .fetched(let body) = outcome { return body }
        return nil
    }

    public var failure: FetchFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }

    public var isSuccess: Bool { failure == nil }

    /// The validators to store for the next conditional request: those of this answer
    /// when it carried a body, none when it failed (a 304 keeps the stored ones).
    public var etag: String? { headers["ETag"] }
    public var lastModified: String? { headers["Last-Modified"] }
    public var contentType: String? { headers["Content-Type"] }

    /// `Cache-Control: max-age` of the last response, as a hint for the poll interval.
    public var cacheMaxAge: Duration? { CacheControl(headers.values(for: "Cache-Control")).maxAge }

    /// One line for the feed's health record: the failure's message, or what was received.
    public var summary: String {
        switch outcome {
        case .fetched(let body): "\(status.map { "HTTP \($0)" } ?? "read") \(body.count) bytes"
        case .notModified: "HTTP 304 not modified"
        case .failed(let failure): failure.message
        }
    }
}
