import Foundation

/// What one of the client's calls brought back.
public enum GitHubResponse<Record: Sendable>: Sendable {
    /// 304 to If-None-Match: nothing changed since the ETag, and no rate limit was spent.
    case notModified
    case modified(GitHubListing<Record>)
}

/// The records of the pages read for one call, in the order GitHub sent them.
public struct GitHubListing<Record: Sendable>: Sendable {
    /// Why the pages stopped before the last one.
    public enum Cutoff: Sendable, Equatable {
        /// The client's page cap was reached with more pages left.
        case pageCap
        /// The rate limit ran out with more pages left; it resets then.
        case rateLimit(resetAt: Date)
    }

    public var records: [Record]
    /// The first page's ETag, for the next call's If-None-Match. Nil when the
    /// listing was cut off: a partial read must not be skipped as unchanged later.
    public var etag: String?
    public var pagesRead: Int
    public var cutoff: Cutoff?
    /// X-RateLimit-Remaining of the last page, when GitHub sent it.
    public var rateLimitRemaining: Int?
}
